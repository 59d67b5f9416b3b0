using System.Net;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Radikalisering.Core.Access;
using Radikalisering.Core.Reports;
using Radikalisering.Core.Statistics;
using Radikalisering.Core.Storage;
using Radikalisering.Disclosure;
using Radikalisering.IntegrationTests.Fixtures.Azurite;
using Radikalisering.IntegrationTests.Fixtures.Http;

namespace Radikalisering.IntegrationTests.Reports;

/// <summary>
/// A snapshot of the former engine (one that withheld the total, which no ladder level does) is not recompiled: the
/// publication ladder cannot republish it safely. The API says so with a problem, the timer logs the reason, and the
/// stored snapshot stays as it is.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class LadderRefusalTests(AzuriteFixture azurite) : IDisposable
{
    private const string Operator = "11111111-1111-1111-1111-111111111111";

    private readonly CapturedLogs _logs = new();

    public void Dispose() => _logs.Dispose();

    private async Task<(ApiTestHost Host, ReportSnapshot Former)> StartWithFormerSnapshotAsync()
    {
        var host = await ReportTestHost.StartAsync(azurite, options =>
            options.AddServices(services => services.AddSingleton<ILoggerProvider>(_logs)));
        await Years.AllCellsLarge(2025).SeedAsync(host);
        var snapshots = host.Get<ReportSnapshotStore>();
        var compiled = (await host.Get<AnnualStatisticsCompiler>().CompileAsync(2025, CancellationToken.None)).Snapshot;
        var withoutTotal = compiled.Tables
            .Select(table => table.Dimensions.Count == 0 ? table with { Cells = [.. table.Cells.Select(cell => cell with { Value = null })] } : table)
            .ToList();
        var former = await snapshots.TryReplaceAsync(compiled with { Tables = withoutTotal }, CancellationToken.None);
        return (host, former!);
    }

    [Fact]
    public async Task Compiling_over_a_former_engine_snapshot_is_a_conflict_that_leaves_it_as_it_is()
    {
        var (host, former) = await StartWithFormerSnapshotAsync();
        await using var _ = host;
        using var admin = host.CreateClient(Operator, AppRoles.ReportsAdmin);

        var response = await admin.PostAsync("/api/reports/2025/compile", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("tidligere metode", (await response.ReadProblemAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var stored = (await host.Get<ReportSnapshotStore>().GetAsync(2025, CancellationToken.None))!;
        Assert.Equal(former.ETag, stored.ETag);
        Assert.Null(stored.Total);
    }

    [Fact]
    public async Task The_timer_logs_why_it_refused_a_former_engine_snapshot_and_enqueues_nothing()
    {
        var (host, former) = await StartWithFormerSnapshotAsync();
        await using var _ = host;

        await host.Get<CompileAnnualReportJob>().RunAsync(CancellationToken.None);

        var queue = host.Get<QueueServiceClient>().GetQueueClient(host.Settings[$"{StorageOptions.SectionName}:{nameof(StorageOptions.ReportReadyQueue)}"]);
        Assert.False((await queue.ExistsAsync()).Value && (await queue.PeekMessagesAsync()).Value.Length > 0, "report-ready was enqueued");
        Assert.Equal(former.ETag, (await host.Get<ReportSnapshotStore>().GetAsync(2025, CancellationToken.None))!.ETag);
        Assert.Contains(
            _logs.Entries,
            entry => entry.Level == LogLevel.Error
                && Equals(entry.Properties.GetValueOrDefault("Year"), 2025)
                && Equals(entry.Properties.GetValueOrDefault("Reason"), LadderRefusal.PreviousPublicationNotFromLadder));
    }
}
