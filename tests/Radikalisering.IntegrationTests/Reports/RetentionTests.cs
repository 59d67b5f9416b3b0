using Azure.Data.Tables;
using Radikalisering.Core.Concerns;
using Radikalisering.Core.Reports;
using Radikalisering.Core.Retention;
using Radikalisering.Core.Statistics;
using Radikalisering.IntegrationTests.Fixtures.Azurite;
using Radikalisering.IntegrationTests.Fixtures.Http;
using Radikalisering.Core.Audit;

namespace Radikalisering.IntegrationTests.Reports;

[Collection(AzuriteCollection.Name)]
public sealed class RetentionTests(AzuriteFixture azurite)
{
    private static async Task MarkSentAsync(ApiTestHost host, int year, DateTimeOffset sentAt)
    {
        var store = host.Get<ReportSnapshotStore>();
        var compiled = (await host.Get<AnnualStatisticsCompiler>().CompileAsync(year, CancellationToken.None)).Snapshot;
        await store.TryReplaceAsync(compiled with { Status = ReportStatus.Sent, SentAt = sentAt }, CancellationToken.None);
    }

    private async Task<List<string>> RowKeysAsync(ApiTestHost host, int year)
    {
        var table = azurite.TableService.GetTableClient(host.ConcernsTable);
        var keys = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(row => row.PartitionKey == year.ToString()))
        {
            keys.Add(row.RowKey);
        }

        return keys;
    }

    [Fact]
    public async Task Deletes_the_concerns_of_years_reported_five_years_ago_and_audits_each()
    {
        await using var host = await ReportTestHost.StartAsync(azurite, options => options.Now = new DateTimeOffset(2025, 6, 1, 5, 0, 0, TimeSpan.Zero));
        await host.SeedAsync(2019, 6, true, ReporterKind.MunicipalEmployee, Outcome.Confirmed);
        await host.SeedAsync(2020, 6, false, ReporterKind.OtherAuthority, Outcome.Dismissed);
        await host.SeedAsync(2021, 6, false, ReporterKind.OtherAuthority, Outcome.Dismissed);
        await MarkSentAsync(host, 2019, new DateTimeOffset(2020, 1, 6, 5, 0, 0, TimeSpan.Zero));
        await MarkSentAsync(host, 2020, new DateTimeOffset(2021, 1, 5, 5, 0, 0, TimeSpan.Zero));
        var doomed = (await RowKeysAsync(host, 2019)).Where(key => !key.StartsWith('~')).ToList();

        var due = await host.Get<RetentionJob>().RunAsync(CancellationToken.None);

        Assert.Equal([2019], due);
        Assert.Empty(await RowKeysAsync(host, 2019));
        Assert.Equal(6, (await RowKeysAsync(host, 2020)).Count(key => !key.StartsWith('~')));
        Assert.Equal(6, (await RowKeysAsync(host, 2021)).Count(key => !key.StartsWith('~')));
        var deletions = (await AuditTrail.ReadAsync(azurite, host)).Where(entry => entry.Action == AuditActions.RetentionDeleteConcern).ToList();
        Assert.Equal(doomed.Order(), deletions.Select(entry => entry.Subject!).Order());
        Assert.All(deletions, entry => Assert.Equal((AuditEntry.SystemCaller, "Succeeded"), (entry.Who, entry.Result)));
        Assert.NotNull(await host.Get<ReportSnapshotStore>().GetAsync(2019, CancellationToken.None));
    }

    [Fact]
    public async Task The_retention_period_is_configurable_and_a_second_run_deletes_nothing_more()
    {
        await using var host = await ReportTestHost.StartAsync(azurite, options =>
        {
            options.Now = new DateTimeOffset(2025, 6, 1, 5, 0, 0, TimeSpan.Zero);
            options.Settings["Retention:YearsAfterReport"] = "2";
        });
        await host.SeedAsync(2022, 5, true, ReporterKind.Other, Outcome.Pending);
        await MarkSentAsync(host, 2022, new DateTimeOffset(2023, 1, 5, 5, 0, 0, TimeSpan.Zero));

        await host.Get<RetentionJob>().RunAsync(CancellationToken.None);
        await host.Get<RetentionJob>().RunAsync(CancellationToken.None);

        Assert.Empty(await RowKeysAsync(host, 2022));
        Assert.Equal(5, (await AuditTrail.ReadAsync(azurite, host)).Count(entry => entry.Action == AuditActions.RetentionDeleteConcern));
    }
}
