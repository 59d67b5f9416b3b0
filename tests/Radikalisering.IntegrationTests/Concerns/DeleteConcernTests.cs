using System.Net;
using Radikalisering.Core.Access;
using Radikalisering.IntegrationTests.Fixtures.Azurite;
using Radikalisering.IntegrationTests.Fixtures.Http;

namespace Radikalisering.IntegrationTests.Concerns;

[Collection(AzuriteCollection.Name)]
public sealed class DeleteConcernTests(SharedApiHost shared) : IClassFixture<SharedApiHost>
{
    private ApiTestHost Host => shared.Host;

    [Fact]
    public async Task A_concern_registered_in_error_is_deleted_with_its_ETag()
    {
        using var client = Host.CreateClient(ConcernRequests.Staff, AppRoles.ConcernsReadWrite);
        var (concern, etag) = await client.CreateAsync();

        using var deleted = await client.DeleteAsync(concern, etag);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var read = await client.GetAsync(ConcernRequests.UrlOf(concern));
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(404, (int)(await read.ReadProblemAsync())["status"]!);
        using var again = await client.DeleteAsync(concern, etag);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Contains("findes ikke", (await again.ReadProblemAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_needs_a_current_If_Match()
    {
        using var client = Host.CreateClient(ConcernRequests.Staff, AppRoles.ConcernsReadWrite);
        var (concern, etag) = await client.CreateAsync();
        using (var patched = await client.PatchAsync(concern, """{ "outcome": "dismissed" }""", etag))
        {
            Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        }

        using var withoutETag = await client.DeleteAsync(concern, ifMatch: null);
        using var withStaleETag = await client.DeleteAsync(concern, etag);

        Assert.Equal((HttpStatusCode)428, withoutETag.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, withStaleETag.StatusCode);
        using var read = await client.GetAsync(ConcernRequests.UrlOf(concern));
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }
}
