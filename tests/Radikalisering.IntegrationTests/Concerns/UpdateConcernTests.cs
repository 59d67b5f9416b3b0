using System.Net;
using Radikalisering.Core.Access;
using Radikalisering.Core.Concerns;
using Radikalisering.IntegrationTests.Fixtures.Azurite;
using Radikalisering.IntegrationTests.Fixtures.Http;

namespace Radikalisering.IntegrationTests.Concerns;

[Collection(AzuriteCollection.Name)]
public sealed class UpdateConcernTests(AzuriteFixture azurite, SharedApiHost shared) : IClassFixture<SharedApiHost>
{
    private ApiTestHost Host => shared.Host;

    [Fact]
    public async Task Setting_the_outcome_dates_it_and_gives_a_new_ETag()
    {
        // Its own host: it advances the clock.
        await using var host = await ApiTestHost.StartAsync(azurite);
        using var client = host.CreateClient(ConcernRequests.Staff, AppRoles.ConcernsReadWrite);
        var (concern, etag) = await client.CreateAsync();
        host.Time.Advance(TimeSpan.FromDays(3));

        using var response = await client.PatchAsync(concern, """{ "outcome": "confirmed" }""", etag);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var updated = await response.ReadAsync<ConcernView>();
        Assert.Equal(
            concern with
            {
                Outcome = Outcome.Confirmed,
                OutcomeOn = new DateOnly(2026, 6, 18),
                UpdatedAt = host.Time.GetUtcNow(),
                ETag = response.Headers.ETag!.ToString(),
            },
            updated);
        Assert.NotEqual(etag, response.Headers.ETag!.ToString());

        using var read = await client.GetAsync(ConcernRequests.UrlOf(concern));
        Assert.Equal(updated, await read.ReadAsync<ConcernView>());
        Assert.Equal(response.Headers.ETag, read.Headers.ETag);
    }

    [Fact]
    public async Task A_stale_ETag_is_412_and_changes_nothing()
    {
        using var client = Host.CreateClient(ConcernRequests.Staff, AppRoles.ConcernsReadWrite);
        var (concern, staleETag) = await client.CreateAsync();
        using (var first = await client.PatchAsync(concern, """{ "subjectUnder18": false }""", staleETag))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using var second = await client.PatchAsync(concern, """{ "outcome": "dismissed" }""", staleETag);

        Assert.Equal(HttpStatusCode.PreconditionFailed, second.StatusCode);
        await second.ReadProblemAsync();
        using var read = await client.GetAsync(ConcernRequests.UrlOf(concern));
        var current = await read.ReadAsync<ConcernView>();
        Assert.Equal(Outcome.Pending, current.Outcome);
        Assert.False(current.SubjectUnder18);
    }

    [Fact]
    public async Task A_patch_without_If_Match_is_428()
    {
        using var client = Host.CreateClient(ConcernRequests.Staff, AppRoles.ConcernsReadWrite);
        var (concern, _) = await client.CreateAsync();

        using var response = await client.PatchAsync(concern, """{ "outcome": "dismissed" }""", ifMatch: null);

        Assert.Equal((HttpStatusCode)428, response.StatusCode);
        Assert.NotNull((await response.ReadProblemAsync())["errors"]!["If-Match"]);
    }

    [Fact]
    public async Task Moving_a_concern_into_another_year_is_422()
    {
        using var client = Host.CreateClient(ConcernRequests.Staff, AppRoles.ConcernsReadWrite);
        var (concern, etag) = await client.CreateAsync();

        using var response = await client.PatchAsync(concern, """{ "receivedOn": "2025-12-01" }""", etag);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.NotNull((await response.ReadProblemAsync())["errors"]!["receivedOn"]);
    }

    [Theory]
    [InlineData("""{ "reporter": null }""", "reporter")]
    [InlineData("""{ "note": "x" }""", "note")]
    [InlineData("""{ "outcome": "unknown" }""", "outcome")]
    public async Task A_bad_patch_names_the_field(string json, string field)
    {
        using var client = Host.CreateClient(ConcernRequests.Staff, AppRoles.ConcernsReadWrite);
        var (concern, etag) = await client.CreateAsync();

        using var response = await client.PatchAsync(concern, json, etag);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.ReadProblemAsync())["errors"]![field]);
    }

    [Fact]
    public async Task Patching_an_unknown_concern_is_404()
    {
        using var client = Host.CreateClient(ConcernRequests.Staff, AppRoles.ConcernsReadWrite);
        var (concern, etag) = await client.CreateAsync();

        using var response = await client.PatchAsync(concern with { Id = Guid.NewGuid() }, """{ "outcome": "dismissed" }""", etag);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("findes ikke", (await response.ReadProblemAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
