using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using MimeKit;
using Radikalisering.Core.Access;
using Radikalisering.Core.Reports;
using Radikalisering.EndToEndTests.Hosting;

namespace Radikalisering.EndToEndTests.Reports;

/// <summary>
/// The January run through the real worker, started now from the host's admin endpoint as the README shows:
/// the <c>CompileAnnualReport</c> timer compiles last year and enqueues <c>report-ready</c>; the host hands the message to <c>SendAnnualReport</c>, which writes the
/// mail to the outbox and marks the snapshot sent. A malformed message ends in the poison queue.
/// </summary>
[Collection(WorkerCollection.Name)]
[Trait("Category", "Slow")]
public sealed class AnnualReportTests(WorkerFixture worker)
{
    private const string CompileTimer = "CompileAnnualReport";
    private const string SendTrigger = "SendAnnualReport";
    private static readonly int LastYear = DateTime.UtcNow.Year - 1;

    /// <summary>
    /// The README's local walk: concerns of last year, then the admin endpoint runs the January timer now. The timer
    /// compiles the year before the one it runs in, so the concerns are seeded in that year.
    /// </summary>
    [Fact]
    public async Task Run_now_from_the_admin_endpoint_the_timer_compiles_last_year_and_the_queue_trigger_mails_it_once_to_the_outbox()
    {
        await SeedLastYearAsync(count: 12);
        var sendsBefore = Sends(succeeded: true);

        using var client = worker.CreateClient();
        using var accepted = await client.PostAsync($"admin/functions/{CompileTimer}", new StringContent("""{"input":""}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await worker.Host.WaitForInvocationsAsync(_ => Sends(succeeded: true) == sendsBefore + 1, timeout.Token);
        var file = Assert.Single(Directory.GetFiles(worker.OutboxDirectory, "*.eml"));
        using var mail = await MimeMessage.LoadAsync(file);
        Assert.Equal("ledelse@kommune.example", Assert.Single(mail.To.Mailboxes).Address);
        Assert.Equal(AnnualReportComposer.Subject(LastYear), mail.Subject);
        Assert.Contains(">12</p>", mail.HtmlBody, StringComparison.Ordinal);
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

    private async Task SeedLastYearAsync(int count)
    {
        using var staff = worker.CreateClient(Guid.NewGuid().ToString(), AppRoles.ConcernsReadWrite);
        string[] reporters = ["municipalEmployee", "otherAuthority", "other"];
        for (var index = 0; index < count; index++)
        {
            using var create = new HttpRequestMessage(HttpMethod.Post, "api/concerns")
            {
                Content = new StringContent(
                    $$"""{ "receivedOn": "{{LastYear}}-03-{{index + 1:D2}}", "subjectUnder18": {{(index % 3 == 0 ? "true" : "false")}}, "reporter": "{{reporters[index % 3]}}" }""",
                    Encoding.UTF8,
                    "application/json"),
            };
            create.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            using var created = await staff.SendAsync(create);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }
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
