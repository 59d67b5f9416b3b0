using System.Net;
using Radikalisering.Core.Access;
using Radikalisering.Core.Concerns;
using Radikalisering.IntegrationTests.Fixtures.Azurite;
using Radikalisering.IntegrationTests.Fixtures.Http;

namespace Radikalisering.IntegrationTests.Concerns;

[Collection(AzuriteCollection.Name)]
public sealed class ListConcernTests(AzuriteFixture azurite, SharedApiHost shared) : IClassFixture<SharedApiHost>
{
    private ApiTestHost Host => shared.Host;

    [Fact]
    public async Task A_year_lists_page_by_page_with_continuation_tokens_and_only_concerns()
    {
        // Its own host: it lists the whole year, which must hold only the concerns it created.
        await using var host = await ApiTestHost.StartAsync(azurite);
        using var client = host.CreateClient(ConcernRequests.Staff, AppRoles.ConcernsReadWrite);
        var created = new List<ConcernView>();
        for (var day = 1; day <= 5; day++)
        {
            using var response = await client.PostAsync(
                $$"""{ "receivedOn": "2026-02-0{{day}}", "subjectUnder18": false, "reporter": "other" }""",
                idempotencyKey: $"key-{day}");
            created.Add(await response.ReadAsync<ConcernView>());
        }

        await client.CreateAsync("""{ "receivedOn": "2025-12-31", "subjectUnder18": false, "reporter": "other" }""");

        var listed = new List<ConcernView>();
        string? token = null;
        var pages = 0;
        do
        {
            var url = "/api/concerns?year=2026&pageSize=2" + (token is null ? "" : "&continuationToken=" + Uri.EscapeDataString(token));
            using var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.ReadAsync<ConcernPage>();
            Assert.True(page.Items.Count <= 2);
            listed.AddRange(page.Items);
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null && pages < 10);

        Assert.Null(token);
        Assert.True(pages >= 3);
        Assert.Equal(created.OrderBy(view => view.Id), listed.OrderBy(view => view.Id));
    }

    [Theory]
    [InlineData("/api/concerns", "year")]
    [InlineData("/api/concerns?year=26", "year")]
    [InlineData("/api/concerns?year=abcd", "year")]
    [InlineData("/api/concerns?year=2026&pageSize=0", "pageSize")]
    [InlineData("/api/concerns?year=2026&pageSize=201", "pageSize")]
    [InlineData("/api/concerns?year=2026&continuationToken=not-a-token", "continuationToken")]
    [InlineData("/api/concerns?year=2026&continuationToken=MjAyNSBhIGI", "continuationToken")]
    [InlineData("/api/concerns?year=2026&continuationToken=MjAyNiBhYg", "continuationToken")]
    public async Task Bad_query_parameters_are_named(string url, string parameter)
    {
        using var client = Host.CreateClient(ConcernRequests.Staff, AppRoles.ConcernsReadWrite);

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.ReadProblemAsync())["errors"]![parameter]);
    }

    [Fact]
    public async Task An_empty_year_is_an_empty_page()
    {
        using var client = Host.CreateClient(ConcernRequests.Staff, AppRoles.ConcernsReadWrite);

        using var response = await client.GetAsync("/api/concerns?year=2019");

        var page = await response.ReadAsync<ConcernPage>();
        Assert.Empty(page.Items);
        Assert.Null(page.ContinuationToken);
    }
}
