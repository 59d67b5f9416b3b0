using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using Radikalisering.Core.Statistics;
using Radikalisering.Disclosure;
using Radikalisering.IntegrationTests.Fixtures.Azurite;
using Radikalisering.IntegrationTests.Fixtures.Http;

namespace Radikalisering.IntegrationTests.Reports;

/// <summary>The last three years together stored with a year's snapshot, and snapshots stored before pooling existed.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReportSnapshotStoreTests(AzuriteFixture azurite)
{
    private static readonly IReadOnlyList<SnapshotTable> YearTables =
    [
        new("total", [], [new([], null)]),
        new("age", ["age"], [new(["under18"], null), new(["adult"], null)]),
    ];

    private static readonly IReadOnlyList<SnapshotTable> PooledTables =
    [
        new("total", [], [new([], 12)]),
        new("age", ["age"], [new(["under18"], null), new(["adult"], null)]),
    ];

    private static ReportSnapshot Snapshot(PooledSnapshot? pooled) =>
        new(2025, ReportStatus.Compiled, YearTables, true, "metode", 5, ReportTestHost.JanuaryMorning, null, null, default) { Pooled = pooled };

    private TableClient SnapshotsTable(ApiTestHost host) => azurite.TableService.GetTableClient(host.Settings["Storage:ReportSnapshotsTable"]);

    [Fact]
    public async Task Pooled_figures_round_trip_with_the_years_and_the_outcome()
    {
        await using var host = await ReportTestHost.StartAsync(azurite);
        var store = host.Get<ReportSnapshotStore>();
        var pooled = new PooledSnapshot([2023, 2024, 2025], PooledOutcome.Published, PooledTables);

        await store.TryAddAsync(Snapshot(pooled), CancellationToken.None);
        var read = (await store.GetAsync(2025, CancellationToken.None))!.Pooled!;

        Assert.Equal([2023, 2024, 2025], read.Years);
        Assert.Equal(PooledOutcome.Published, read.Outcome);
        Assert.True(read.SameFigures(pooled));
        Assert.Equal([12L, null, null], read.Tables.SelectMany(table => table.Cells).Select(cell => cell.Value));
    }

    [Theory]
    [InlineData(PooledOutcome.NothingPrintable)]
    [InlineData(PooledOutcome.YearChangedSincePublication)]
    [InlineData(PooledOutcome.YearNotFromLadder)]
    public async Task An_unpublished_pooling_round_trips_with_its_reason_and_no_tables(PooledOutcome outcome)
    {
        await using var host = await ReportTestHost.StartAsync(azurite);
        var store = host.Get<ReportSnapshotStore>();

        await store.TryAddAsync(Snapshot(new PooledSnapshot([2023, 2024, 2025], outcome, [])), CancellationToken.None);
        var read = (await store.GetAsync(2025, CancellationToken.None))!.Pooled!;

        Assert.Equal((outcome, 0), (read.Outcome, read.Tables.Count));
    }

    [Fact]
    public async Task The_stored_pooled_figures_hold_categories_and_published_values_only()
    {
        await using var host = await ReportTestHost.StartAsync(azurite);
        await host.Get<ReportSnapshotStore>()
            .TryAddAsync(Snapshot(new PooledSnapshot([2023, 2024, 2025], PooledOutcome.Published, PooledTables)), CancellationToken.None);

        var row = (await SnapshotsTable(host).GetEntityAsync<TableEntity>("annual", "2025")).Value;
        var json = JsonNode.Parse(row.GetString("Pooled"))!.AsObject();

        Assert.Equal(["years", "outcome", "tables"], json.Select(member => member.Key));
        Assert.Equal("Published", json["outcome"]!.GetValue<string>());
        var cells = json["tables"]!.AsArray().SelectMany(table => table!["cells"]!.AsArray()).ToList();
        Assert.All(cells, cell => Assert.Equal(["categories", "value"], cell!.AsObject().Select(member => member.Key)));
    }

    [Fact]
    public async Task A_snapshot_without_pooling_stores_no_pooled_column_and_reads_back_without()
    {
        await using var host = await ReportTestHost.StartAsync(azurite);
        var store = host.Get<ReportSnapshotStore>();

        await store.TryAddAsync(Snapshot(pooled: null), CancellationToken.None);

        var row = (await SnapshotsTable(host).GetEntityAsync<TableEntity>("annual", "2025")).Value;
        Assert.False(row.ContainsKey("Pooled"));
        Assert.Null((await store.GetAsync(2025, CancellationToken.None))!.Pooled);
    }

    [Fact]
    public async Task A_snapshot_stored_before_pooling_existed_still_reads()
    {
        await using var host = await ReportTestHost.StartAsync(azurite);
        var table = SnapshotsTable(host);
        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new TableEntity("annual", "2022")
        {
            ["Status"] = "Sent",
            ["Tables"] = """[{"name":"total","dimensions":[],"cells":[{"categories":[],"value":41}]}]""",
            ["WholePublicationSuppressed"] = false,
            ["Method"] = "Celler under k skjules.",
            ["Threshold"] = 5,
            ["CompiledAt"] = new DateTimeOffset(2023, 1, 5, 5, 0, 0, TimeSpan.Zero),
            ["SentAt"] = new DateTimeOffset(2023, 1, 5, 5, 1, 0, TimeSpan.Zero),
        });

        var read = (await host.Get<ReportSnapshotStore>().GetRangeAsync(2022, 2022, CancellationToken.None)).Single();

        Assert.Equal((2022, ReportStatus.Sent, 41L, null), (read.Year, read.Status, read.Total, read.Pooled));
    }
}
