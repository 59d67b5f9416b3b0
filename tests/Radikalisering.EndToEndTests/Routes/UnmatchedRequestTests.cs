using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Radikalisering.Core.Access;
using Radikalisering.EndToEndTests.Hosting;
using Radikalisering.Functions.Routing;
using Radikalisering.WorkerHost.Functions;

namespace Radikalisering.EndToEndTests.Routes;

/// <summary>
/// What no route takes, through the real worker and a host that tries routes in function-name order as the
/// Functions host does: a problem, never the host's empty 404, and the catch-all never takes a real route.
/// </summary>
[Collection(WorkerCollection.Name)]
[Trait("Category", "Slow")]
public sealed partial class UnmatchedRequestTests(WorkerFixture worker)
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

    /// <summary>
    /// The catch-all's precedence, checked for every HTTP function the app declares (functions.metadata) under the host's
    /// order: an anonymous request to each route and method is answered by that function (401, or 200 for the anonymous
    /// health route), never by the catch-all's 404 or 405.
    /// </summary>
    [Fact]
    public async Task Every_declared_route_and_method_reaches_its_own_function_not_the_catch_all()
    {
        using var anonymous = worker.CreateClient();
        var declared = worker.Host.Functions
            .Where(function => function.Name != UnmatchedRequestFunction.Name && function.Trigger is HttpTrigger)
            .SelectMany(function => ((HttpTrigger)function.Trigger).Methods.Select(method => (function.Name, Method: method, Path: Example(((HttpTrigger)function.Trigger).Route))))
            .ToList();

        Assert.NotEmpty(declared);
        foreach (var (name, method, path) in declared)
        {
            using var response = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), $"api/{path}"));
            Assert.True(
                response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.OK,
                $"{method.ToUpperInvariant()} /api/{path} ({name}) was answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>A path the route template matches: a year for <c>{year:int:length(4)}</c>, a GUID for <c>{id:guid}</c>, a word otherwise.</summary>
    private static string Example(string routeTemplate) =>
        RouteParameter().Replace(routeTemplate, parameter => parameter.Value switch
        {
            var year when year.StartsWith("{year", StringComparison.Ordinal) => "2026",
            var id when id.Contains(":guid", StringComparison.Ordinal) => "3f2504e0-4f89-41d3-9a0c-0305e82c3301",
            _ => "example",
        });

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();

    private static async Task<JsonObject> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }
}
