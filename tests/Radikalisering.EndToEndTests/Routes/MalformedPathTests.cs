using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Radikalisering.EndToEndTests.Hosting;
using Radikalisering.Functions.Routing;

namespace Radikalisering.EndToEndTests.Routes;

/// <summary>
/// Odd paths are answered at once, and no invocation fails: a NUL (<c>%00</c>) is refused by the server itself (400,
/// as Kestrel in front of the Functions host does) before any function; an encoded percent sign, a control character or
/// an invalid escape reaches the catch-all exactly as sent and gets its 404 problem.
/// </summary>
[Collection(WorkerCollection.Name)]
[Trait("Category", "Slow")]
public sealed class MalformedPathTests(WorkerFixture worker)
{
    private static readonly TimeSpan AtOnce = TimeSpan.FromSeconds(5);

    [Theory]
    [InlineData("GET", "api/%00")]
    [InlineData("POST", "api/concerns/2026/%00")]
    public async Task A_NUL_in_the_path_is_refused_by_the_server_at_once_and_invokes_nothing(string method, string path)
    {
        var before = worker.Host.Invocations.Count;

        var (status, _, elapsed) = await SendAsync(method, path);

        Assert.True(elapsed < AtOnce, $"Answered after {elapsed}.");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(before, worker.Host.Invocations.Count);
    }

    [Theory]
    [InlineData("GET", "api/%2500")]
    [InlineData("GET", "api/concerns/%2500")]
    [InlineData("DELETE", "api/a%0Ab")]
    [InlineData("GET", "api/%C3%28")]
    [InlineData("GET", "api/%ZZ")]
    public async Task Another_odd_path_reaches_the_catch_all_as_sent_and_is_a_404_problem_at_once(string method, string path)
    {
        var before = worker.Host.Invocations.Count;

        var (status, problem, elapsed) = await SendAsync(method, path);

        Assert.True(elapsed < AtOnce, $"Answered after {elapsed}.");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(404, (int)problem!["status"]!);
        using var timeout = new CancellationTokenSource(AtOnce);
        await worker.Host.WaitForInvocationsAsync(invocations => invocations.Count > before, timeout.Token);
        Assert.Equal((UnmatchedRequestFunction.Name, true), worker.Host.Invocations.Skip(before).Select(invocation => (invocation.FunctionName, invocation.Succeeded)).Single());
    }

    /// <summary>The status, the problem body if there is one, and how long the answer took.</summary>
    private async Task<(HttpStatusCode Status, JsonObject? Problem, TimeSpan Elapsed)> SendAsync(string method, string path)
    {
        using var client = worker.CreateClient();
        var clock = Stopwatch.StartNew();
        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        var elapsed = clock.Elapsed;
        var problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json"
            ? JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject()
            : null;
        return (response.StatusCode, problem, elapsed);
    }
}
