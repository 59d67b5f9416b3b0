using Radikalisering.Core.Concerns;
using Radikalisering.Core.Statistics;
using Radikalisering.Disclosure;
using Radikalisering.IntegrationTests.Fixtures.Azurite;

namespace Radikalisering.IntegrationTests.Reports;

[Collection(AzuriteCollection.Name)]
public sealed class AnnualStatisticsCompilerTests(AzuriteFixture azurite)
{
    private static IEnumerable<(string Table, string Cell, long? Value)> Flatten(IEnumerable<SnapshotTable> tables) =>
        tables.SelectMany(table => table.Cells.Select(cell => (table.Name, string.Join(",", cell.Categories), cell.Value)));

    [Fact]
    public async Task Compiles_the_published_tables_from_the_years_concerns_only()
    {
        await using var host = await ReportTestHost.StartAsync(azurite);
        var year = Years.AllCellsLarge(2025);
        await year.SeedAsync(host);
        await host.SeedAsync(2024, 5, true, ReporterKind.Other, Outcome.Pending);

        var result = await host.Get<AnnualStatisticsCompiler>().CompileAsync(2025, CancellationToken.None);

        Assert.Equal(CompileOutcome.Created, result.Outcome);
        var stored = (await host.Get<ReportSnapshotStore>().GetAsync(2025, CancellationToken.None))!;
        Assert.Equal(["total", "age", "reporter", "outcome"], stored.Tables.Select(table => table.Name));
        Assert.Equal(1 + 2 + 3 + 3, stored.Tables.Sum(table => table.Cells.Count));
        Assert.Equal(Flatten(year.TrueTables(stored.Tables)), Flatten(stored.Tables));
        Assert.Equal(108, stored.Total);
        Assert.Equal(
            (ReportStatus.Compiled, 5, ReportTestHost.JanuaryMorning, false),
            (stored.Status, stored.Threshold, stored.CompiledAt, stored.WholePublicationSuppressed));
        Assert.Equal(AnnualStatisticsCompiler.Method, stored.Method);
    }

    [Fact]
    public async Task Configured_two_way_tables_are_compiled_and_published_with_the_one_way_tables()
    {
        await using var host = await ReportTestHost.StartAsync(azurite, ReportTestHost.WithTwoWayTables);
        var year = Years.AllCellsLarge(2025);
        await year.SeedAsync(host);

        var stored = (await host.Get<AnnualStatisticsCompiler>().CompileAsync(2025, CancellationToken.None)).Snapshot;

        Assert.Equal(["total", "age", "reporter", "outcome", "age,outcome", "reporter,outcome"], stored.Tables.Select(table => table.Name));
        Assert.Equal(1 + 2 + 3 + 3 + 6 + 9, stored.Tables.Sum(table => table.Cells.Count));
        Assert.Equal(Flatten(year.TrueTables(stored.Tables)), Flatten(stored.Tables));
    }

    [Fact]
    public async Task Hides_a_small_group_with_complements_and_publishes_only_true_figures()
    {
        await using var host = await ReportTestHost.StartAsync(azurite, ReportTestHost.WithTwoWayTables);
        var year = Years.FewFromOthers(2025);
        await year.SeedAsync(host);

        var snapshot = (await host.Get<AnnualStatisticsCompiler>().CompileAsync(2025, CancellationToken.None)).Snapshot;

        var reporter = snapshot.Tables.Single(table => table.Name == "reporter");
        var reporterByOutcome = snapshot.Tables.Single(table => table.Name == "reporter,outcome");
        Assert.Null(reporter.Cell("other").Value);
        Assert.True(reporter.Cells.Count(cell => cell.IsSuppressed) >= 2, "the hidden 3 needs a complement in its own table");
        Assert.Null(reporterByOutcome.Cell("other", "pending").Value);
        Assert.Null(reporterByOutcome.Cell("other", "confirmed").Value);
        Assert.Equal(79, snapshot.Total);
        Assert.All(
            snapshot.Tables.Where(table => table.Name is "age" or "outcome" or "age,outcome").SelectMany(table => table.Cells),
            cell => Assert.NotNull(cell.Value));
        var published = Flatten(snapshot.Tables).Where(cell => cell.Value is not null);
        Assert.Equal(published, Flatten(year.TrueTables(snapshot.Tables)).Where(cell => published.Any(p => p.Table == cell.Table && p.Cell == cell.Cell)));

        // What was stored is the ladder's publication of the true cube, and its audit shows every hidden cell could be 0 and could be ≥ 5.
        var counts =
            from age in ConcernDimensions.AgeCategories
            from source in ConcernDimensions.ReporterCategories
            from outcome in ConcernDimensions.OutcomeCategories
            select year.TrueValue(ConcernDimensions.Names, [age, source, outcome]);
        var request = new DisclosureRequest(
            new Cube(ConcernDimensions.Names.Select(name => new Dimension(name, ConcernDimensions.CategoriesOf(name))).ToList(), counts.ToList()),
            snapshot.Tables.Select(table => new TableDefinition(table.Name, table.Dimensions)).ToList(),
            new DisclosureSettings(5, Costs: DisclosureOptions.KeyFigureCosts));
        var protectedAfresh = host.Get<DisclosureEngine>().Protect(request, CancellationToken.None);
        Assert.Equal(
            Flatten(snapshot.Tables).Select(cell => cell.Value),
            protectedAfresh.Tables.SelectMany(table => table.Cells.Select(cell => cell.Value)));
        Assert.True(protectedAfresh.Audit.Passed);
        Assert.All(protectedAfresh.Audit.SuppressedCells, interval => Assert.True(interval.Minimum == 0 && interval.Maximum >= 5, $"{interval.Table}: {interval.Minimum}..{interval.Maximum}"));
    }

    [Fact]
    public async Task Compiling_the_same_year_twice_gives_the_same_snapshot()
    {
        await using var host = await ReportTestHost.StartAsync(azurite);
        await Years.FewFromOthers(2025).SeedAsync(host);
        var compiler = host.Get<AnnualStatisticsCompiler>();

        var first = await compiler.CompileAsync(2025, CancellationToken.None);
        host.Time.Advance(TimeSpan.FromHours(1));
        var second = await compiler.CompileAsync(2025, CancellationToken.None);

        Assert.Equal(CompileOutcome.Unchanged, second.Outcome);
        Assert.Equal(first.Snapshot.ETag, second.Snapshot.ETag);
        Assert.Equal(first.Snapshot.CompiledAt, second.Snapshot.CompiledAt);
        Assert.Equal(Flatten(first.Snapshot.Tables), Flatten(second.Snapshot.Tables));
        Assert.Equal(first.Snapshot.ETag, (await host.Get<ReportSnapshotStore>().GetAsync(2025, CancellationToken.None))!.ETag);
    }

    [Fact]
    public async Task Later_concerns_update_an_unsent_snapshot_and_what_was_hidden_stays_hidden()
    {
        await using var host = await ReportTestHost.StartAsync(azurite);
        await Years.FewFromOthers(2025).SeedAsync(host);
        var compiler = host.Get<AnnualStatisticsCompiler>();
        var first = await compiler.CompileAsync(2025, CancellationToken.None);

        await host.SeedAsync(2025, 10, false, ReporterKind.Other, Outcome.Dismissed);
        host.Time.Advance(TimeSpan.FromDays(1));
        var second = await compiler.CompileAsync(2025, CancellationToken.None);

        Assert.Equal(CompileOutcome.Updated, second.Outcome);
        Assert.Equal(89, second.Snapshot.Total);
        Assert.Equal(ReportTestHost.JanuaryMorning.AddDays(1), second.Snapshot.CompiledAt);
        var hiddenBefore = Flatten(first.Snapshot.Tables).Where(cell => cell.Value is null).Select(cell => (cell.Table, cell.Cell));
        var hiddenNow = Flatten(second.Snapshot.Tables).Where(cell => cell.Value is null).Select(cell => (cell.Table, cell.Cell));
        Assert.Subset(hiddenNow.ToHashSet(), hiddenBefore.ToHashSet());
    }

    [Fact]
    public async Task A_sent_snapshot_is_final_and_never_recompiled()
    {
        await using var host = await ReportTestHost.StartAsync(azurite);
        await Years.FewFromOthers(2025).SeedAsync(host);
        var store = host.Get<ReportSnapshotStore>();
        var compiled = (await host.Get<AnnualStatisticsCompiler>().CompileAsync(2025, CancellationToken.None)).Snapshot;
        var sent = (await store.TryReplaceAsync(compiled with { Status = ReportStatus.Sent, SentAt = host.Time.GetUtcNow() }, CancellationToken.None))!;

        await host.SeedAsync(2025, 10, false, ReporterKind.Other, Outcome.Dismissed);
        var again = await host.Get<AnnualStatisticsCompiler>().CompileAsync(2025, CancellationToken.None);

        Assert.Equal(CompileOutcome.AlreadySent, again.Outcome);
        Assert.Equal(sent.ETag, (await store.GetAsync(2025, CancellationToken.None))!.ETag);
        Assert.Equal(79, again.Snapshot.Total);
    }

    [Fact]
    public async Task The_stored_row_holds_the_published_figures_only()
    {
        await using var host = await ReportTestHost.StartAsync(azurite);
        await Years.FewFromOthers(2025).SeedAsync(host);
        await host.Get<AnnualStatisticsCompiler>().CompileAsync(2025, CancellationToken.None);

        var table = azurite.TableService.GetTableClient(host.Settings["Storage:ReportSnapshotsTable"]);
        var row = (await table.GetEntityAsync<Azure.Data.Tables.TableEntity>("annual", "2025")).Value;

        Assert.Equal(
            ["CompiledAt", "Method", "Status", "Tables", "Threshold", "WholePublicationSuppressed"],
            row.Keys.Where(key => key is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag")).Order());
        var json = System.Text.Json.Nodes.JsonNode.Parse(row.GetString("Tables"))!;
        var reporter = json.AsArray().Single(node => node!["name"]!.GetValue<string>() == "reporter")!;
        var others = reporter["cells"]!.AsArray().Single(cell => cell!["categories"]![0]!.GetValue<string>() == "other")!;
        Assert.Null(others["value"]);
        Assert.Equal(["categories", "value"], others.AsObject().Select(member => member.Key));
    }
}
