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
        using var submitter = await SubmitterAsync();

        using var first = await submitter.PostAsync();
        using var retry = await submitter.PostAsync();

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        var original = await first.ReadAsync<ConcernView>();
        Assert.Equal(original, await retry.ReadAsync<ConcernView>());
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        var id = original.Id.ToString();
        Assert.Equal(id, Assert.Single(await submitter.Mark.NewConcernsAsync()).RowKey);
        var audit = await submitter.Mark.NewAuditRowsAsync();
        Assert.Equal(1, IntegrityStore.AuditCounts(audit, AuditActions.CreateConcern)[id]);
        Assert.Equal(1, IntegrityStore.AuditCounts(audit, AuditActions.ReadConcern)[id]);
    }

    [Fact]
    public async Task Parallel_retries_with_one_key_record_once()
    {
        using var submitter = await SubmitterAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => submitter.PostAsync()));

        var views = await Task.WhenAll(responses.Select(response => response.ReadAsync<ConcernView>()));
        Assert.Single(views.Select(view => view.Id).Distinct());
        Assert.Single(await submitter.Mark.NewConcernsAsync());
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Theory]
    [InlineData("""{ "receivedOn": "2026-03-14", "subjectUnder18": false, "reporter": "municipalEmployee" }""")]
    [InlineData("""{ "receivedOn": "2025-03-14", "subjectUnder18": true, "reporter": "municipalEmployee" }""")] // another year
    public async Task The_same_key_with_another_body_is_422_and_records_nothing_new(string otherBody)
    {
        using var submitter = await SubmitterAsync();
        using var first = await submitter.PostAsync();

        using var reused = await submitter.PostAsync(otherBody);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.NotNull((await reused.ReadProblemAsync())["errors"]!["Idempotency-Key"]);
        Assert.Equal((await first.ReadAsync<ConcernView>()).Id.ToString(), Assert.Single(await submitter.Mark.NewConcernsAsync()).RowKey);
    }

    [Fact]
    public async Task Without_a_key_every_submission_records()
    {
        using var submitter = await SubmitterAsync();

        await submitter.Client.CreateAsync();
        await submitter.Client.CreateAsync();

        Assert.Equal(2, (await submitter.Mark.NewConcernsAsync()).Count);
    }

    [Fact]
    public async Task A_retry_after_the_concern_was_deleted_is_409()
    {
        using var submitter = await SubmitterAsync();
        using var first = await submitter.PostAsync();
        using (var deleted = await submitter.Client.DeleteAsync(await first.ReadAsync<ConcernView>(), first.Headers.ETag!.ToString()))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        using var retry = await submitter.PostAsync();

        Assert.Equal(HttpStatusCode.Conflict, retry.StatusCode);
        Assert.Empty(await submitter.Mark.NewConcernsAsync());
    }

    [Fact]
    public async Task An_unusable_key_is_refused_by_name()
    {
        using var client = Host.CreateClient(ConcernRequests.Staff, AppRoles.ConcernsReadWrite);

        using var response = await client.PostAsync(ConcernRequests.Example, new string('k', 256));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.ReadProblemAsync())["errors"]!["Idempotency-Key"]);
    }

    /// <summary>A staff client that submits under one fresh idempotency key, and the store marked before its first submission.</summary>
    private async Task<Submitter> SubmitterAsync()
    {
        var client = Host.CreateClient(ConcernRequests.Staff, AppRoles.ConcernsReadWrite);
        return new Submitter(client, await StoreMark.SetAsync(azurite, Host));
    }

    private sealed class Submitter(HttpClient client, StoreMark mark) : IDisposable
    {
        private readonly string _key = Guid.NewGuid().ToString();

        public HttpClient Client => client;

        /// <summary>The rows before the test's first submission: what was added since is the test's own.</summary>
        public StoreMark Mark => mark;

        /// <summary>Submits <paramref name="json"/> with the key.</summary>
        public Task<HttpResponseMessage> PostAsync(string json = ConcernRequests.Example) => client.PostAsync(json, _key);

        public void Dispose() => client.Dispose();
    }
}
