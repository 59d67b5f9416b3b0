using System.Net;
using System.Text;
using Radikalisering.EndToEndTests.Hosting;

namespace Radikalisering.EndToEndTests.WorkerHost;

/// <summary>
/// The worker host's <c>POST /admin/functions/{name}</c>, as <c>func start</c> serves it locally: 202 and the function
/// run now (timers: see the annual report's tests); a queue function gets the input as its message, once.
/// </summary>
[Collection(WorkerCollection.Name)]
[Trait("Category", "Slow")]
public sealed class AdminEndpointTests(WorkerFixture worker)
{
    [Fact]
    public async Task A_queue_function_runs_once_with_the_input_as_its_message_and_nothing_is_queued()
    {
        const string Input = "run from the admin endpoint";
        var runsBefore = Runs("SendAnnualReport").Count;

        using var accepted = await PostAsync("SendAnnualReport", $$"""{"input":"{{Input}}"}""");

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        await WorkerFixture.EventuallyAsync(() => Task.FromResult(Runs("SendAnnualReport").Count == runsBefore + 1), "SendAnnualReport to run");
        var run = Runs("SendAnnualReport").Last();
        Assert.False(run.Succeeded);
        Assert.Contains($"Not a report-ready message: {Input}", run.Error, StringComparison.Ordinal);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(runsBefore + 1, Runs("SendAnnualReport").Count);
        if (await worker.ReportReadyPoisonQueue.ExistsAsync())
        {
            var poisoned = (await worker.ReportReadyPoisonQueue.PeekMessagesAsync(maxMessages: 32)).Value;
            Assert.DoesNotContain(poisoned, message => message.Body.ToString() == Input);
        }
    }

    [Theory]
    [InlineData("NoSuchFunction", """{"input":""}""", HttpStatusCode.NotFound, "no function 'NoSuchFunction'")]
    [InlineData("Health", """{"input":""}""", HttpStatusCode.BadRequest, "Health is an HTTP function")]
    [InlineData("CompileAnnualReport", "not json", HttpStatusCode.BadRequest, "must be a JSON object")]
    [InlineData("CompileAnnualReport", """{"input":{"year":2025}}""", HttpStatusCode.BadRequest, "must be a JSON object")]
    public async Task What_it_cannot_run_is_refused_with_a_problem_and_runs_nothing(string function, string body, HttpStatusCode status, string detail)
    {
        var runsBefore = worker.Host.Invocations.Count;

        using var refused = await PostAsync(function, body);

        Assert.Equal(status, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains(detail, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(runsBefore, worker.Host.Invocations.Count);
    }

    private async Task<HttpResponseMessage> PostAsync(string function, string body)
    {
        using var client = worker.CreateClient();
        return await client.PostAsync($"admin/functions/{function}", new StringContent(body, Encoding.UTF8, "application/json"));
    }

    private List<Radikalisering.WorkerHost.Functions.InvocationRecord> Runs(string function) =>
        worker.Host.Invocations.Where(invocation => invocation.FunctionName == function).ToList();
}
