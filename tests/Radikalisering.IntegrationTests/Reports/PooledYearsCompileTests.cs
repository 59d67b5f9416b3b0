using System.Text.Json.Nodes;
using Radikalisering.Core.Access;
using Radikalisering.Core.Concerns;
using Radikalisering.Core.Statistics;
using Radikalisering.Disclosure;
using Radikalisering.IntegrationTests.Fixtures.Azurite;
using Radikalisering.IntegrationTests.Fixtures.Http;

namespace Radikalisering.IntegrationTests.Reports;

/// <summary>The annual compile adds "the last three years together" with the disclosure engine, on Azurite.</summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Slow")]
public sealed class PooledYearsCompileTests(AzuriteFixture azurite)
{
    /// <summary>Three years of 3, 3 and 2 concerns: each withheld whole, 8 together.</summary>
    private static readonly SeededYear[] ThreeSmallYears =
    [
        new SeededYear(2023).Add(2, true, ReporterKind.MunicipalEmployee, Outcome.Pending).Add(1, false, ReporterKind.MunicipalEmployee, Outcome.Pending),
        new SeededYear(2024).Add(3, true, ReporterKind.MunicipalEmployee, Outcome.Confirmed),
        new SeededYear(2025).Add(1, true, ReporterKind.MunicipalEmployee, Outcome.Pending).Add(1, true, ReporterKind.MunicipalEmployee, Outcome.Confirmed),
    ];

    /// <summary>
    /// 46 concerns spread so thinly that the year withholds its two-way tables; three such years together print
    /// the reporters and age by outcome.
    /// </summary>
    private static SeededYear Thin(int year)
    {
        long[] cube = [4, 9, 2, 3, 6, 1, 2, 3, 0, 2, 5, 1, 1, 3, 0, 1, 2, 1];
        var seeded = new SeededYear(year);
        for (var index = 0; index < cube.Length; index++)
        {
            seeded.Add((int)cube[index], index < 9, (ReporterKind)(index / 3 % 3), (Outcome)(index % 3));
        }

        return seeded;
    }

    private static async Task<ReportSnapshot> CompileAsync(ApiTestHost host, int year) =>
        (await host.Get<AnnualStatisticsCompiler>().CompileAsync(year, CancellationToken.None)).Snapshot;

    private static async Task SeedAndCompileAsync(ApiTestHost host, params SeededYear[] years)
    {
        foreach (var year in years)
        {
            await year.SeedAsync(host);
            await CompileAsync(host, year.Year);
        }
    }

    private static IEnumerable<(string Table, string Cell, long? Value)> Flatten(IEnumerable<SnapshotTable> tables) =>
        tables.SelectMany(table => table.Cells.Select(cell => (table.Name, string.Join(",", cell.Categories), cell.Value)));

    /// <summary>The true figures of the years together, in the shape of <paramref name="tables"/>.</summary>
    private static IEnumerable<(string Table, string Cell, long? Value)> TruePooled(IReadOnlyList<SnapshotTable> tables, params SeededYear[] years) =>
        Flatten(tables).Select(cell =>
        {
            var table = tables.Single(table => table.Name == cell.Table);
            var categories = cell.Cell.Length == 0 ? [] : cell.Cell.Split(',');
            return cell with { Value = years.Sum(year => year.TrueValue(table.Dimensions, categories)) };
        });

    [Fact]
    public async Task A_sparse_year_after_two_compiled_years_gets_the_three_years_together()
    {
        await using var host = await ReportTestHost.StartAsync(azurite, ReportTestHost.WithTwoWayTables);
        SeededYear[] years = [Thin(2023), Thin(2024), Thin(2025)];
        await SeedAndCompileAsync(host, years);

        var stored = (await host.Get<ReportSnapshotStore>().GetAsync(2025, CancellationToken.None))!;

        var pooled = Assert.IsType<PooledSnapshot>(stored.Pooled);
        Assert.Equal([2023, 2024, 2025], pooled.Years);
        Assert.Equal(PooledOutcome.Published, pooled.Outcome);
        Assert.Equal(stored.Tables.Select(table => (table.Name, table.Cells.Count)), pooled.Tables.Select(table => (table.Name, table.Cells.Count)));
        var printed = Flatten(pooled.Tables).Where(cell => cell.Value is not null).ToList();
        Assert.Equal(TruePooled(pooled.Tables, years).Where(cell => printed.Any(p => (p.Table, p.Cell) == (cell.Table, cell.Cell))), printed);
        Assert.Null(stored.Tables.Single(table => table.Name == "age,outcome").Cell("under18", "confirmed").Value);
        Assert.Contains(("total", "", 3 * 46L), printed);
        Assert.Contains(("reporter", "municipalEmployee", 3 * 23L), printed);
        Assert.Contains(("age,outcome", "under18,confirmed", 3 * 18L), printed);
    }

    [Fact]
    public async Task Three_years_under_k_get_no_three_years_together_whatever_their_sum()
    {
        await using var host = await ReportTestHost.StartAsync(azurite);
        await SeedAndCompileAsync(host, ThreeSmallYears);

        var stored = (await host.Get<ReportSnapshotStore>().GetAsync(2025, CancellationToken.None))!;

        // 8 together would keep each year's 0..4 open, but printing it only for sums of 5 to 8 would tell the sum.
        Assert.True(stored.WholePublicationSuppressed);
        Assert.Equal((PooledOutcome.NothingPrintable, 0), (stored.Pooled!.Outcome, stored.Pooled.Tables.Count));
    }

    [Fact]
    public async Task The_statistics_api_shows_the_three_years_together_with_withheld_cells_marked()
    {
        await using var host = await ReportTestHost.StartAsync(azurite);
        await SeedAndCompileAsync(host, Years.FewFromOthers(2023), Years.FewFromOthers(2024), Years.FewFromOthers(2025));
        using var leader = host.CreateClient("22222222-2222-2222-2222-222222222222", AppRoles.ReportsRead);

        var body = JsonNode.Parse(await leader.GetStringAsync("/api/statistics/2025"))!;
        var earlier = JsonNode.Parse(await leader.GetStringAsync("/api/statistics/2024"))!;

        var pooled = body["pooled"]!;
        Assert.Equal([2023, 2024, 2025], pooled["years"]!.AsArray().Select(year => year!.GetValue<int>()));
        Assert.True(pooled["published"]!.GetValue<bool>());
        Assert.Equal(["years", "published", "tables"], pooled.AsObject().Select(member => member.Key));
        var tables = pooled["tables"]!.AsArray();
        Assert.Equal(3 * 79, tables.Single(table => table!["name"]!.GetValue<string>() == "total")!["cells"]![0]!["value"]!.GetValue<long>());
        var reporter = tables.Single(table => table!["name"]!.GetValue<string>() == "reporter")!["cells"]!.AsArray();
        Assert.Equal((false, 3 * 42L), (reporter[0]!["suppressed"]!.GetValue<bool>(), reporter[0]!["value"]!.GetValue<long>()));
        Assert.All(reporter.Skip(1), cell => Assert.Equal((true, null), (cell!["suppressed"]!.GetValue<bool>(), cell["value"])));
        Assert.Null(earlier["pooled"]);
    }

    [Fact]
    public async Task A_year_under_k_after_two_printed_years_says_why_the_three_years_are_not_shown()
    {
        await using var host = await ReportTestHost.StartAsync(azurite);
        await SeedAndCompileAsync(host, Years.FewFromOthers(2023), Years.FewFromOthers(2024), ThreeSmallYears[2]);

        var pooled = (await host.Get<ReportSnapshotStore>().GetAsync(2025, CancellationToken.None))!.Pooled!;

        // The pooled total minus the two printed totals would be 2025's total.
        Assert.Equal((PooledOutcome.NothingPrintable, 0), (pooled.Outcome, pooled.Tables.Count));
    }

    [Fact]
    public async Task Recompiling_with_the_same_concerns_writes_nothing()
    {
        await using var host = await ReportTestHost.StartAsync(azurite);
        await SeedAndCompileAsync(host, ThreeSmallYears);
        var first = (await host.Get<ReportSnapshotStore>().GetAsync(2025, CancellationToken.None))!;

        host.Time.Advance(TimeSpan.FromHours(1));
        var again = await host.Get<AnnualStatisticsCompiler>().CompileAsync(2025, CancellationToken.None);

        Assert.Equal(CompileOutcome.Unchanged, again.Outcome);
        Assert.Equal(first.ETag, (await host.Get<ReportSnapshotStore>().GetAsync(2025, CancellationToken.None))!.ETag);
        Assert.True(again.Snapshot.Pooled!.SameFigures(first.Pooled!));
    }

    [Fact]
    public async Task Later_concerns_recompile_the_three_years_together_after_what_they_printed()
    {
        await using var host = await ReportTestHost.StartAsync(azurite);
        await SeedAndCompileAsync(host, Years.FewFromOthers(2023), Years.FewFromOthers(2024), Years.FewFromOthers(2025));
        var first = (await host.Get<ReportSnapshotStore>().GetAsync(2025, CancellationToken.None))!.Pooled!;

        await host.SeedAsync(2025, 10, false, ReporterKind.MunicipalEmployee, Outcome.Dismissed);
        var second = await host.Get<AnnualStatisticsCompiler>().CompileAsync(2025, CancellationToken.None);

        Assert.Equal(CompileOutcome.Updated, second.Outcome);
        var pooled = second.Snapshot.Pooled!;
        Assert.Equal(PooledOutcome.Published, pooled.Outcome);
        Assert.Equal(79 + 79 + 89L, pooled.Tables.Single(table => table.Dimensions.Count == 0).Cells.Single().Value);
        var hiddenBefore = Flatten(first.Tables).Where(cell => cell.Value is null).Select(cell => (cell.Table, cell.Cell));
        var hiddenNow = Flatten(pooled.Tables).Where(cell => cell.Value is null).Select(cell => (cell.Table, cell.Cell));
        Assert.Subset(hiddenNow.ToHashSet(), hiddenBefore.ToHashSet());
    }

    [Fact]
    public async Task An_earlier_year_changed_since_it_was_sent_is_not_pooled()
    {
        await using var host = await ReportTestHost.StartAsync(azurite);
        await SeedAndCompileAsync(host, Years.AllCellsLarge(2023), Years.AllCellsLarge(2024));
        await host.SeedAsync(2024, 1, true, ReporterKind.Other, Outcome.Pending);
        await Years.FewFromOthers(2025).SeedAsync(host);

        var pooled = (await CompileAsync(host, 2025)).Pooled!;

        Assert.Equal((PooledOutcome.YearChangedSincePublication, 0), (pooled.Outcome, pooled.Tables.Count));
    }

    [Fact]
    public async Task A_year_without_two_earlier_snapshots_gets_no_pooled_figures()
    {
        await using var host = await ReportTestHost.StartAsync(azurite);
        await Years.AllCellsLarge(2023).SeedAsync(host);
        await SeedAndCompileAsync(host, Years.AllCellsLarge(2024), Years.FewFromOthers(2025));

        Assert.Null((await host.Get<ReportSnapshotStore>().GetAsync(2025, CancellationToken.None))!.Pooled);
    }

    [Fact]
    public async Task A_year_that_prints_every_figure_gets_no_pooled_figures()
    {
        await using var host = await ReportTestHost.StartAsync(azurite);
        await SeedAndCompileAsync(host, Years.FewFromOthers(2023), Years.FewFromOthers(2024), Years.AllCellsLarge(2025));

        var stored = (await host.Get<ReportSnapshotStore>().GetAsync(2025, CancellationToken.None))!;

        Assert.All(stored.Tables.SelectMany(table => table.Cells), cell => Assert.NotNull(cell.Value));
        Assert.Null(stored.Pooled);
    }
}
