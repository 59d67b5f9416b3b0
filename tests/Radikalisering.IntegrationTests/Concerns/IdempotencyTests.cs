using System.Net;
using Radikalisering.Core.Access;
using Radikalisering.Core.Audit;
using Radikalisering.Core.Concerns;
using Radikalisering.IntegrationTests.Fixtures.Azurite;
using Radikalisering.IntegrationTests.Fixtures.Http;
using Radikalisering.IntegrationTests.Integrity;

namespace Radikalisering.IntegrationTests.Concerns;

[Collection(AzuriteCollection.Name)]
public sealed class IdempotencyTests(AzuriteFixture azurite, SharedApiHost shared) : IClassFixture<SharedApiHost>
{
    private ApiTestHost Host => shared.Host;

    [Fact]
    public async Task A_retried_submission_returns_the_original_and_records_once()
    {
        using var client = Host.CreateClient(ConcernRequests.Staff, AppRoles.ConcernsReadWrite);
        var mark = await StoreMark.SetAsync(azurite, Host);
        var key = Guid.NewGuid().ToString();

        using var first = await client.PostAsync(ConcernRequests.Example, key);
        using var retry = await client.PostAsync(ConcernRequests.Example, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        var original = await first.ReadAsync<ConcernView>();
        Assert.Equal(original, await retry.ReadAsync<ConcernView>());
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        var id = original.Id.ToString();
        Assert.Equal(id, Assert.Single(await mark.NewConcernsAsync()).RowKey);
        var audit = await mark.NewAuditRowsAsync();
        Assert.Equal(1, IntegrityStore.AuditCounts(audit, AuditActions.CreateConcern)[id]);
        Assert.Equal(1, IntegrityStore.AuditCounts(audit, AuditActions.ReadConcern)[id]);
    }

    [Fact]
    public async Task Parallel_retries_with_one_key_record_once()
    {
        using var client = Host.CreateClient(ConcernRequests.Staff, AppRoles.ConcernsReadWrite);
        var mark = await StoreMark.SetAsync(azurite, Host);
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => client.PostAsync(ConcernRequests.Example, key)));

        var views = await Task.WhenAll(responses.Select(response => response.ReadAsync<ConcernView>()));
        Assert.Single(views.Select(view => view.Id).Distinct());
        Assert.Single(await mark.NewConcernsAsync());
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_422_and_records_nothing_new()
    {
        using var client = Host.CreateClient(ConcernRequests.Staff, AppRoles.ConcernsReadWrite);
        var mark = await StoreMark.SetAsync(azurite, Host);
        var key = Guid.NewGuid().ToString();
        using var first = await client.PostAsync(ConcernRequests.Example, key);

        using var reused = await client.PostAsync(
            """{ "receivedOn": "2026-03-14", "subjectUnder18": false, "reporter": "municipalEmployee" }""", key);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.NotNull((await reused.ReadProblemAsync())["errors"]!["Idempotency-Key"]);
        Assert.Equal((await first.ReadAsync<ConcernView>()).Id.ToString(), Assert.Single(await mark.NewConcernsAsync()).RowKey);
    }

    [Fact]
    public async Task The_same_key_with_a_body_of_another_year_is_422_too()
    {
        using var client = Host.CreateClient(ConcernRequests.Staff, AppRoles.ConcernsReadWrite);
        var mark = await StoreMark.SetAsync(azurite, Host);
        var key = Guid.NewGuid().ToString();
        using var first = await client.PostAsync(ConcernRequests.Example, key);

        using var reused = await client.PostAsync(
            """{ "receivedOn": "2025-03-14", "subjectUnder18": true, "reporter": "municipalEmployee" }""", key);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Equal((await first.ReadAsync<ConcernView>()).Id.ToString(), Assert.Single(await mark.NewConcernsAsync()).RowKey);
    }

    [Fact]
    public async Task Without_a_key_every_submission_records()
    {
        using var client = Host.CreateClient(ConcernRequests.Staff, AppRoles.ConcernsReadWrite);
        var mark = await StoreMark.SetAsync(azurite, Host);

        await client.CreateAsync();
        await client.CreateAsync();

        Assert.Equal(2, (await mark.NewConcernsAsync()).Count);
    }

    [Fact]
    public async Task A_retry_after_the_concern_was_deleted_is_409()
    {
        using var client = Host.CreateClient(ConcernRequests.Staff, AppRoles.ConcernsReadWrite);
        var mark = await StoreMark.SetAsync(azurite, Host);
        var key = Guid.NewGuid().ToString();
        using var first = await client.PostAsync(ConcernRequests.Example, key);
        using (var deleted = await client.DeleteAsync(await first.ReadAsync<ConcernView>(), first.Headers.ETag!.ToString()))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        using var retry = await client.PostAsync(ConcernRequests.Example, key);

        Assert.Equal(HttpStatusCode.Conflict, retry.StatusCode);
        Assert.Empty(await mark.NewConcernsAsync());
    }

    [Fact]
    public async Task An_unusable_key_is_refused_by_name()
    {
        using var client = Host.CreateClient(ConcernRequests.Staff, AppRoles.ConcernsReadWrite);

        using var response = await client.PostAsync(ConcernRequests.Example, new string('k', 256));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.ReadProblemAsync())["errors"]!["Idempotency-Key"]);
    }
}
