using System.Net;
using System.Text.Json.Nodes;
using Azure;
using Microsoft.Extensions.DependencyInjection;
using Radikalisering.Core.Access;
using Radikalisering.Core.Audit;
using Radikalisering.Core.AuditTrail;
using Radikalisering.Core.Reports;
using Radikalisering.Core.Statistics;
using Radikalisering.IntegrationTests.Fixtures.Azurite;
using Radikalisering.IntegrationTests.Fixtures.Http;
using Radikalisering.IntegrationTests.Integrity;

namespace Radikalisering.IntegrationTests.Reports;

/// <summary>
/// A send is audited exactly once, by whoever mailed it, even when the audit write fails after the mail went
/// out and the snapshot was marked sent: the retry (an operator's second POST, or the queue's redelivery)
/// finds it sent, mails nothing and completes the missing audit row.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SendAuditTests(AzuriteFixture azurite)
{
    private const string Operator = "11111111-1111-1111-1111-111111111111";
    private const string OtherOperator = "33333333-3333-3333-3333-333333333333";
    private const string Leader = "22222222-2222-2222-2222-222222222222";

    private readonly FailingOnceAuditLog.Switch _audit = new();

    [Fact]
    public async Task An_operators_send_whose_audit_failed_is_audited_once_by_the_operator_on_retry()
    {
        await using var host = await StartCompiledAsync();
        using var admin = host.CreateClient(Operator, AppRoles.ReportsAdmin);
        using var other = host.CreateClient(OtherOperator, AppRoles.ReportsAdmin);
        _audit.FailNextSend = true;

        using var first = await admin.PostAsync("/api/reports/2025/send", null);
        using var retry = await admin.PostAsync("/api/reports/2025/send", null);
        using var byAnother = await other.PostAsync("/api/reports/2025/send", null);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        Assert.False(_audit.FailNextSend);
        Assert.Equal(HttpStatusCode.Conflict, retry.StatusCode);
        Assert.Contains("allerede sendt", (await retry.ReadProblemAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, byAnother.StatusCode);
        Assert.Single(host.Graph().SentMessages);
        Assert.Equal([(Operator, "2025", "Succeeded")], await SendRowsAsync(host));
    }

    [Fact]
    public async Task A_queued_send_whose_audit_failed_is_audited_once_by_system_on_redelivery()
    {
        await using var host = await StartCompiledAsync();
        var handler = host.Get<ReportReadyHandler>();
        _audit.FailNextSend = true;

        await Assert.ThrowsAsync<RequestFailedException>(() => handler.HandleAsync("""{"year":2025}""", CancellationToken.None));
        var redelivered = await handler.HandleAsync("""{"year":2025}""", CancellationToken.None);

        Assert.Equal(SendOutcome.AlreadySent, redelivered);
        Assert.Single(host.Graph().SentMessages);
        Assert.Equal([(AuditEntry.SystemCaller, "2025", "Succeeded")], await SendRowsAsync(host));
    }

    [Fact]
    public async Task A_send_and_its_refused_repeats_leave_one_audit_row()
    {
        await using var host = await StartCompiledAsync();
        using var admin = host.CreateClient(Operator, AppRoles.ReportsAdmin);

        using var sent = await admin.PostAsync("/api/reports/2025/send", null);
        using var again = await admin.PostAsync("/api/reports/2025/send", null);
        var redelivered = await host.Get<ReportReadyHandler>().HandleAsync("""{"year":2025}""", CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(SendOutcome.AlreadySent, redelivered);
        Assert.Equal([(Operator, "2025", "Succeeded")], await SendRowsAsync(host));
        Assert.Contains((Operator, "2025", "Refused"), await RefusedAndSendRowsAsync(host));
        Assert.Equal(Operator, (await host.Get<ReportSnapshotStore>().GetAsync(2025, CancellationToken.None))!.SentBy);
    }

    [Fact]
    public async Task A_refused_repeat_of_a_send_is_in_the_audit_trail_as_refused_and_the_send_once()
    {
        await using var host = await ReportTestHost.StartAsync(azurite);
        await Years.AllCellsLarge(2025).SeedAsync(host);
        await host.Get<AnnualStatisticsCompiler>().CompileAsync(2025, CancellationToken.None);
        using var admin = host.CreateClient(Operator, AppRoles.ReportsAdmin);

        using var sent = await admin.PostAsync("/api/reports/2025/send", null);
        using var again = await admin.PostAsync("/api/reports/2025/send", null);
        var redelivered = await host.Get<ReportReadyHandler>().HandleAsync("""{"year":2025}""", CancellationToken.None);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Conflict, SendOutcome.AlreadySent), (sent.StatusCode, again.StatusCode, redelivered));
        var trailSends = (await TrailRecordsAsync(host)).Where(record => record.Action == AuditActions.SendReport).ToList();
        Assert.Equal([(Operator, "2025", "Succeeded"), (Operator, "2025", "Refused")], trailSends.Select(record => (record.Who, record.Subject, record.Result)));
    }

    [Fact]
    public async Task A_snapshot_sent_before_the_sender_was_stored_is_still_read_and_refused_without_a_send_row()
    {
        await using var host = await StartCompiledAsync();
        var store = host.Get<ReportSnapshotStore>();
        var compiled = (await store.GetAsync(2025, CancellationToken.None))!;
        await store.TryReplaceAsync(compiled with { Status = ReportStatus.Sent, SentAt = host.Time.GetUtcNow() }, CancellationToken.None);
        using var admin = host.CreateClient(Operator, AppRoles.ReportsAdmin);
        using var leader = host.CreateClient(Leader, AppRoles.ReportsRead);

        using var again = await admin.PostAsync("/api/reports/2025/send", null);
        using var read = await leader.GetAsync("/api/statistics/2025");

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("sent", JsonNode.Parse(await read.Content.ReadAsStringAsync())!["status"]!.GetValue<string>());
        Assert.Empty(host.Graph().SentMessages);
        Assert.Empty(await SendRowsAsync(host));
        Assert.Equal([(Operator, "2025", "Refused")], await RefusedAndSendRowsAsync(host));
    }

    private async Task<ApiTestHost> StartCompiledAsync()
    {
        var host = await ReportTestHost.StartAsync(azurite, options => options.AddServices(services => services
            .AddSingleton<TableAuditLog>()
            .AddSingleton(_audit)
            .AddSingleton<IAuditLog, FailingOnceAuditLog>()));
        await Years.AllCellsLarge(2025).SeedAsync(host);
        await host.Get<AnnualStatisticsCompiler>().CompileAsync(2025, CancellationToken.None);
        return host;
    }

    private Task<List<AuditTrailRecord>> TrailRecordsAsync(ApiTestHost host) => IntegrityStore.TrailRecordsAsync(azurite, host);

    /// <summary>The audit rows of sends; a refused repeat (409) is audited too, as <c>Refused</c>, and left out here.</summary>
    private async Task<List<(string Who, string? Subject, string Result)>> SendRowsAsync(ApiTestHost host) =>
        (await RefusedAndSendRowsAsync(host)).Where(entry => entry.Result != nameof(AuditResult.Refused)).ToList();

    private async Task<List<(string Who, string? Subject, string Result)>> RefusedAndSendRowsAsync(ApiTestHost host) =>
        (await AuditTrail.ReadAsync(azurite, host))
            .Where(entry => entry.Action == AuditActions.SendReport)
            .Select(entry => (entry.Who, entry.Subject, entry.Result))
            .ToList();

    /// <summary>The audit table, except that the next <c>report.send</c> write fails as storage gone away would, when switched on.</summary>
    private sealed class FailingOnceAuditLog(TableAuditLog table, FailingOnceAuditLog.Switch failure) : IAuditLog
    {
        public Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken)
        {
            if (entry.Action == AuditActions.SendReport && failure.FailNextSend)
            {
                failure.FailNextSend = false;
                throw new RequestFailedException((int)HttpStatusCode.ServiceUnavailable, "The audit log is unavailable.");
            }

            return table.WriteAsync(entry, cancellationToken);
        }

        public sealed class Switch
        {
            public bool FailNextSend { get; set; }
        }
    }
}
