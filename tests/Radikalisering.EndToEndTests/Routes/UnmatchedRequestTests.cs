using System.Net;
using System.Text.Json.Nodes;
using Radikalisering.Core.Access;
using Radikalisering.EndToEndTests.Hosting;

namespace Radikalisering.EndToEndTests.Routes;

/// <summary>
/// What no route takes, through the real worker and a host that tries routes in function-name order as the
/// Functions host does: a problem, never the host's empty 404, and the catch-all never takes a real route.
/// </summary>
[Collection(WorkerCollection.Name)]
public sealed class UnmatchedRequestTests(WorkerFixture worker)
{
    private const string Staff = "00000000-0000-0000-0000-00000000e2e9";

    [Theory]
    [InlineData("GET", "api/no-such-thing")]
    [InlineData("GET", "api/concerns/02026/3f2504e0-4f89-41d3-9a0c-0305e82c3301")]
    [InlineData("GET", "api/concerns/2026/not-a-guid")]
    [InlineData("POST", "api/reports/2025/publish")]
    [InlineData("DELETE", "api")]
    public async Task An_unknown_path_gets_a_404_problem(string method, string path)
    {
        using var staff = worker.CreateClient(Staff, AppRoles.ConcernsReadWrite);

        using var response = await staff.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        var problem = await ProblemAsync(response);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(404, (int)problem["status"]!);
        Assert.EndsWith("rfc9110#section-15.5.5", (string?)problem["type"], StringComparison.Ordinal);
        Assert.False(response.Content.Headers.Contains("Allow"));
    }

    [Theory]
    [InlineData("PUT", "api/concerns", "GET, POST")]
    [InlineData("POST", "api/concerns/2026/3f2504e0-4f89-41d3-9a0c-0305e82c3301", "DELETE, GET, PATCH")]
    [InlineData("GET", "api/reports/2025/send", "POST")]
    [InlineData("DELETE", "api/health", "GET")]
    public async Task A_known_path_with_another_method_gets_a_405_problem_naming_the_allowed_methods(string method, string path, string allowed)
    {
        using var anonymous = worker.CreateClient();

        using var response = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        var problem = await ProblemAsync(response);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(405, (int)problem["status"]!);
        Assert.Equal(allowed, string.Join(", ", response.Content.Headers.Allow));
    }

    [Fact]
    public async Task The_catch_all_does_not_take_the_routes_of_functions_named_before_it()
    {
        using var staff = worker.CreateClient(Staff, AppRoles.ConcernsReadWrite);

        using var listed = await staff.GetAsync("api/concerns?year=2026");
        using var health = await worker.CreateClient().GetAsync("api/health");

        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.NotNull(JsonNode.Parse(await listed.Content.ReadAsStringAsync())!["items"]);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    private static async Task<JsonObject> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }
}
