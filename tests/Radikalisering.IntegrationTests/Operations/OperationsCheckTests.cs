using Azure.Storage.Queues;
using Radikalisering.Core.Concerns;
using Radikalisering.Core.Operations;
using Radikalisering.Core.Statistics;
using Radikalisering.Core.Storage;
using Radikalisering.IntegrationTests.Fixtures.Azurite;
using Radikalisering.IntegrationTests.Fixtures.Http;
using Radikalisering.IntegrationTests.Reports;

namespace Radikalisering.IntegrationTests.Operations;

/// <summary>The daily check logs the signals the alert rules look for, and only when something is wrong.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class OperationsCheckTests(AzuriteFixture azurite)
{
    private Task<ApiTestHost> StartAsync(DateTimeOffset now) =>
        OperationsTestHost.StartAsync(azurite, options => options.Now = now);

    [Theory]
    [InlineData(null)]
    [InlineData(ReportStatus.Compiled)]
    [InlineData(ReportStatus.Sending)]
    public async Task From_15_January_a_report_not_sent_is_signalled_as_overdue(ReportStatus? status)
    {
        await using var host = await StartAsync(new DateTimeOffset(2026, 1, 15, 6, 0, 0, TimeSpan.Zero));
        await host.SeedAsync(2025, 6, true, ReporterKind.Other, Outcome.Pending);
        if (status is { } stored)
        {
            var compiled = (await host.Get<AnnualStatisticsCompiler>().CompileAsync(2025, CancellationToken.None)).Snapshot;
            await host.Get<ReportSnapshotStore>().TryReplaceAsync(compiled with { Status = stored, SendingStartedAt = host.Time.GetUtcNow() }, CancellationToken.None);
        }

        var findings = await host.Get<OperationsCheck>().RunAsync(CancellationToken.None);

        Assert.Equal(2025, findings.OverdueReportYear);
        var signal = Assert.Single(host.Logs().Signals(OperationsSignals.AnnualReportOverdue));
        Assert.Equal((2025, status?.ToString() ?? "NotCompiled"), ((int)signal["Year"]!, (string)signal["Status"]!));
    }

    [Fact]
    public async Task Before_15_January_or_once_sent_nothing_is_signalled()
    {
        await using var host = await StartAsync(new DateTimeOffset(2026, 1, 14, 6, 0, 0, TimeSpan.Zero));
        var early = await host.Get<OperationsCheck>().RunAsync(CancellationToken.None);
        await host.SeedAsync(2025, 6, true, ReporterKind.Other, Outcome.Pending);
        var compiled = (await host.Get<AnnualStatisticsCompiler>().CompileAsync(2025, CancellationToken.None)).Snapshot;
        await host.Get<ReportSnapshotStore>().TryReplaceAsync(compiled with { Status = ReportStatus.Sent, SentAt = host.Time.GetUtcNow() }, CancellationToken.None);
        host.Time.Advance(TimeSpan.FromDays(30));

        var sent = await host.Get<OperationsCheck>().RunAsync(CancellationToken.None);

        Assert.Equal(new OperationsFindings(null, 0), early);
        Assert.Equal(new OperationsFindings(null, 0), sent);
        Assert.Empty(host.Logs().Signals(OperationsSignals.AnnualReportOverdue));
        Assert.Empty(host.Logs().Signals(OperationsSignals.PoisonMessagesWaiting));
    }

    [Fact]
    public async Task Messages_in_the_poison_queue_are_signalled_with_their_count()
    {
        await using var host = await StartAsync(new DateTimeOffset(2026, 6, 1, 6, 0, 0, TimeSpan.Zero));
        var poison = host.Get<QueueServiceClient>().GetQueueClient($"{host.Setting(nameof(StorageOptions.ReportReadyQueue))}-poison");
        await poison.CreateIfNotExistsAsync();
        await poison.SendMessageAsync("{\"year\":2025}");
        await poison.SendMessageAsync("not json");

        var findings = await host.Get<OperationsCheck>().RunAsync(CancellationToken.None);

        Assert.Equal(2, findings.PoisonMessages);
        var signal = Assert.Single(host.Logs().Signals(OperationsSignals.PoisonMessagesWaiting));
        Assert.Equal(2, (int)signal["Count"]!);
        Assert.Equal(poison.Name, (string)signal["Queue"]!);
    }
}
