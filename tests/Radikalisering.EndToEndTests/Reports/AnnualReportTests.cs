using System.Net;
using System.Text.Json.Nodes;
using Radikalisering.Core.Access;
using Radikalisering.EndToEndTests.Hosting;

namespace Radikalisering.EndToEndTests.Reports;

/// <summary>
/// The January run through the real worker: the <c>CompileAnnualReport</c> timer compiles last year and
/// enqueues <c>report-ready</c>; the host hands the message to <c>SendAnnualReport</c>, which writes the
/// mail to the outbox and marks the snapshot sent. A malformed message ends in the poison queue.
/// </summary>
[Collection(WorkerCollection.Name)]
[Trait("Category", "Slow")]
public sealed class AnnualReportTests(WorkerFixture worker)
{
    private const string CompileTimer = "CompileAnnualReport";
    private const string SendTrigger = "SendAnnualReport";
    private static readonly int LastYear = DateTime.UtcNow.Year - 1;

    [Fact]
    public async Task The_timer_compiles_last_year_the_queue_trigger_mails_it_once_and_a_second_run_mails_nothing()
    {
        var sendsBefore = Sends(succeeded: true);

        await worker.Host.InvokeTimerAsync(CompileTimer);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await worker.Host.WaitForInvocationsAsync(_ => Sends(succeeded: true) == sendsBefore + 1, timeout.Token);
        var mail = Assert.Single(Directory.GetFiles(worker.OutboxDirectory, "*.eml"));
        Assert.Contains("ledelse@kommune.example", await File.ReadAllTextAsync(mail), StringComparison.Ordinal);
        Assert.Equal("sent", await StatusAsync(), StringComparer.OrdinalIgnoreCase);

        await worker.Host.InvokeTimerAsync(CompileTimer);

        // The second run has finished. Had it enqueued report-ready, the message would still be counted (a received
        // message too, until deleted), or its send would be recorded already: the host records before it deletes.
        Assert.Equal(0, (await worker.ReportReadyQueue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.Equal(sendsBefore + 1, Sends(succeeded: true));
        Assert.Single(Directory.GetFiles(worker.OutboxDirectory, "*.eml"));
    }

    [Fact]
    public async Task A_malformed_message_is_tried_five_times_then_moved_to_the_poison_queue()
    {
        var failuresBefore = Sends(succeeded: false);
        await worker.ReportReadyQueue.CreateIfNotExistsAsync();
        await worker.ReportReadyPoisonQueue.CreateIfNotExistsAsync();

        await worker.ReportReadyQueue.SendMessageAsync("not a report-ready message");

        await WorkerFixture.EventuallyAsync(
            async () => (await worker.ReportReadyPoisonQueue.PeekMessageAsync()).Value is not null,
            "the message to reach report-ready-poison");
        var poisoned = (await worker.ReportReadyPoisonQueue.ReceiveMessageAsync()).Value;
        Assert.Equal("not a report-ready message", poisoned.Body.ToString());
        Assert.Equal(failuresBefore + 5, Sends(succeeded: false));
        Assert.Null((await worker.ReportReadyQueue.PeekMessageAsync()).Value);
    }

    private int Sends(bool succeeded) =>
        worker.Host.Invocations.Count(invocation => invocation.FunctionName == SendTrigger && invocation.Succeeded == succeeded);

    private async Task<string?> StatusAsync()
    {
        using var leader = worker.CreateClient(Guid.NewGuid().ToString(), AppRoles.ReportsRead);
        using var response = await leader.GetAsync($"api/statistics/{LastYear}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["status"];
    }
}
