using System.Net;
using System.Text.Json.Nodes;
using Radikalisering.Core.Access;
using Radikalisering.Core.Concerns;
using Radikalisering.IntegrationTests.Fixtures.Azurite;
using Radikalisering.IntegrationTests.Fixtures.Http;
using Radikalisering.IntegrationTests.Integrity;

namespace Radikalisering.IntegrationTests.Concerns;

[Collection(AzuriteCollection.Name)]
public sealed class SubmitConcernTests(AzuriteFixture azurite, SharedApiHost shared) : IClassFixture<SharedApiHost>
{
    private ApiTestHost Host => shared.Host;

    [Fact]
    public async Task A_submitted_concern_is_created_and_reads_back_the_same()
    {
        // Its own host: the year's first reference (2026-0001).
        await using var host = await ApiTestHost.StartAsync(azurite);
        using var client = host.CreateClient(ConcernRequests.Staff, AppRoles.ConcernsReadWrite);

        using var created = await client.PostAsync(ConcernRequests.Example);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var view = await created.ReadAsync<ConcernView>();
        Assert.Equal($"/api/concerns/2026/{view.Id}", created.Headers.Location!.OriginalString);
        Assert.False(created.Headers.ETag!.IsWeak);
        Assert.Equal(
            new ConcernView(view.Id, 2026, "2026-0001", new DateOnly(2026, 3, 14), true, ReporterKind.MunicipalEmployee, Outcome.Pending, null,
                host.Time.GetUtcNow(), host.Time.GetUtcNow(), created.Headers.ETag.ToString()),
            view);

        using var read = await client.GetAsync(created.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(view, await read.ReadAsync<ConcernView>());
        Assert.Equal(created.Headers.ETag, read.Headers.ETag);
    }

    [Fact]
    public async Task The_view_is_camelCase_JSON_with_enum_names_as_the_contract_says()
    {
        using var client = Host.CreateClient(ConcernRequests.Staff, AppRoles.ConcernsReadWrite);

        using var created = await client.PostAsync(ConcernRequests.Example);
        var json = JsonNode.Parse(await created.Content.ReadAsStringAsync())!.AsObject();

        Assert.Equal(
            ["createdAt", "etag", "id", "outcome", "outcomeOn", "receivedOn", "reference", "reporter", "subjectUnder18", "updatedAt", "year"],
            json.Select(property => property.Key).Order());
        Assert.Equal("municipalEmployee", (string?)json["reporter"]);
        Assert.Equal("pending", (string?)json["outcome"]);
        Assert.Equal("2026-03-14", (string?)json["receivedOn"]);
        Assert.Null(json["outcomeOn"]);
        Assert.Equal(created.Headers.ETag!.ToString(), (string?)json["etag"]);
    }

    [Fact]
    public async Task A_concern_with_a_settled_outcome_is_dated_today()
    {
        using var client = Host.CreateClient(ConcernRequests.Staff, AppRoles.ConcernsReadWrite);

        var (view, _) = await client.CreateAsync("""{ "receivedOn": "2026-01-02", "subjectUnder18": false, "reporter": "other", "outcome": "confirmed" }""");

        Assert.Equal(Outcome.Confirmed, view.Outcome);
        Assert.Equal(new DateOnly(2026, 6, 15), view.OutcomeOn);
    }

    [Theory]
    [InlineData("""{ "receivedOn": "2026-03-14", "subjectUnder18": true, "reporter": "other", "name": "Jens" }""", "name")]
    [InlineData("""{ "receivedOn": "2026-03-14", "subjectUnder18": true, "reporter": "police" }""", "reporter")]
    [InlineData("""{ "receivedOn": "2026-06-16", "subjectUnder18": true, "reporter": "other" }""", "receivedOn")]
    [InlineData("""{ "receivedOn": "2026-02-30", "subjectUnder18": true, "reporter": "other" }""", "receivedOn")]
    [InlineData("""{ "receivedOn": "2026-03-14", "reporter": "other" }""", "subjectUnder18")]
    public async Task Bad_input_is_a_problem_naming_the_field_and_nothing_is_written(string json, string field)
    {
        using var client = Host.CreateClient(ConcernRequests.Staff, AppRoles.ConcernsReadWrite);
        var mark = await StoreMark.SetAsync(azurite, Host);

        using var response = await client.PostAsync(json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadProblemAsync();
        Assert.Equal(400, (int?)problem["status"]);
        Assert.NotNull(problem["type"]);
        Assert.NotNull(problem["title"]);
        Assert.NotNull(problem["errors"]![field]);
        Assert.Empty(await mark.NewConcernsAsync());
    }

    [Fact]
    public async Task Another_content_type_is_415()
    {
        using var client = Host.CreateClient(ConcernRequests.Staff, AppRoles.ConcernsReadWrite);

        using var response = await client.PostAsync("/api/concerns", ApiJson.Body(ConcernRequests.Example, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.NotNull((await response.ReadProblemAsync())["errors"]!["Content-Type"]);
    }

    [Fact]
    public async Task A_body_over_4_KiB_is_413()
    {
        using var client = Host.CreateClient(ConcernRequests.Staff, AppRoles.ConcernsReadWrite);

        using var response = await client.PostAsync(ConcernRequests.Example + new string(' ', 4096));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await response.ReadProblemAsync();
    }
}
