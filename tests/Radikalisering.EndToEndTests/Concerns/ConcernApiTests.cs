using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Radikalisering.Core.Access;
using Radikalisering.EndToEndTests.Hosting;
using Radikalisering.WorkerHost.Functions;

namespace Radikalisering.EndToEndTests.Concerns;

/// <summary>The README's curl walk, through the real worker.</summary>
[Collection(WorkerCollection.Name)]
[Trait("Category", "Slow")]
public sealed class ConcernApiTests(WorkerFixture worker)
{
    private const string Staff = "00000000-0000-0000-0000-00000000e2e1";

    private static readonly string[] WalkFunctions = ["CreateConcern", "ListConcerns", "GetConcern", "UpdateConcern", "DeleteConcern"];

    [Fact]
    public async Task A_concern_is_created_listed_read_updated_with_its_ETag_and_deleted()
    {
        using var staff = worker.CreateClient(Staff, AppRoles.ConcernsReadWrite);
        var finishedBefore = WalkInvocations().Count();

        using var create = new HttpRequestMessage(HttpMethod.Post, "api/concerns")
        {
            Content = Json("""{ "receivedOn": "2026-03-14", "subjectUnder18": true, "reporter": "municipalEmployee" }""", "application/json"),
        };
        create.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var created = await staff.SendAsync(create);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var location = created.Headers.Location!.ToString();
        var id = (string)JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!;
        Assert.Equal($"/api/concerns/2026/{id}", location);
        var firstETag = created.Headers.ETag!;

        using var listed = await staff.GetAsync("api/concerns?year=2026&pageSize=50");
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Contains(id, await listed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var read = await staff.GetAsync(location.TrimStart('/'));
        Assert.Equal((HttpStatusCode.OK, firstETag), (read.StatusCode, read.Headers.ETag));

        using var withoutETag = await staff.SendAsync(Patch(location, """{ "outcome": "confirmed" }""", ifMatch: null));
        Assert.Equal(HttpStatusCode.PreconditionRequired, withoutETag.StatusCode);

        using var patched = await staff.SendAsync(Patch(location, """{ "outcome": "confirmed" }""", firstETag));
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal("confirmed", (string?)JsonNode.Parse(await patched.Content.ReadAsStringAsync())!["outcome"]);

        using var stale = await staff.SendAsync(Patch(location, """{ "outcome": "dismissed" }""", firstETag));
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);

        using var delete = new HttpRequestMessage(HttpMethod.Delete, location.TrimStart('/'));
        delete.Headers.IfMatch.Add(patched.Headers.ETag!);
        using var deleted = await staff.SendAsync(delete);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        using var gone = await staff.GetAsync(location.TrimStart('/'));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);

        // Every invocation of the walk also finished well in the worker: one can fail after its answer was sent.
        const int WalkRequests = 8;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await worker.Host.WaitForInvocationsAsync(_ => WalkInvocations().Count() >= finishedBefore + WalkRequests, timeout.Token);

        var walk = WalkInvocations().Skip(finishedBefore).ToList();
        Assert.Equal(WalkRequests, walk.Count);
        Assert.All(walk, invocation => Assert.True(invocation.Succeeded, $"{invocation.FunctionName}: {invocation.Error}"));
    }

    private IEnumerable<InvocationRecord> WalkInvocations() =>
        worker.Host.Invocations.Where(invocation => WalkFunctions.Contains(invocation.FunctionName));

    private static HttpRequestMessage Patch(string location, string body, EntityTagHeaderValue? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, location.TrimStart('/')) { Content = Json(body, "application/merge-patch+json") };
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(ifMatch);
        }

        return request;
    }

    private static StringContent Json(string body, string mediaType) => new(body, Encoding.UTF8, mediaType);
}
