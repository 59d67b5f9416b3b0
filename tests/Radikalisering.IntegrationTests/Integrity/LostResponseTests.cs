using System.Net;
using Azure.Core;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Radikalisering.Core.Access;
using Radikalisering.Core.Audit;
using Radikalisering.Core.Concerns;
using Radikalisering.Core.Http;
using Radikalisering.Core.Storage;
using Radikalisering.IntegrationTests.Concerns;
using Radikalisering.IntegrationTests.Fixtures.Azurite;
using Radikalisering.IntegrationTests.Fixtures.Faults;
using Radikalisering.IntegrationTests.Fixtures.Http;

namespace Radikalisering.IntegrationTests.Integrity;

/// <summary>
/// A write reaches storage and commits, its answer is lost and the SDK sends it again: the API still answers
/// with what the first attempt did, records once and audits once. Deterministic (<see cref="LostResponsePolicy"/>).
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Slow")]
public sealed class LostResponseTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_create_without_a_key_whose_transaction_answer_was_lost_is_recorded_once()
    {
        var policy = new LostResponsePolicy(LostResponsePolicy.IsTransaction);
        await using var host = await StartAsync(policy);
        using var client = host.CreateClient(ConcernRequests.Staff, AppRoles.ConcernsReadWrite);
        await client.CreateAsync();
        policy.Armed = true;

        using var response = await client.PostAsync(ConcernRequests.Example);
        policy.Armed = false;
        var (third, _) = await client.CreateAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(1, policy.Lost);
        var second = await response.ReadAsync<ConcernView>();
        Assert.Equal("2026-0002", second.Reference);
        Assert.Equal("2026-0003", third.Reference);
        Assert.Equal(3, (await IntegrityStore.ConcernsAsync(azurite, host)).Count);
        Assert.Equal(1, IntegrityStore.AuditCounts(await IntegrityStore.AuditRowsAsync(azurite, host), AuditActions.CreateConcern)[second.Id.ToString()]);
    }

    [Fact]
    public async Task A_keyed_create_whose_binding_and_transaction_answers_were_lost_is_recorded_once()
    {
        var policy = new LostResponsePolicy(message => LostResponsePolicy.IsTransaction(message) || IsBinding(message));
        await using var host = await StartAsync(policy);
        using var client = host.CreateClient(ConcernRequests.Staff, AppRoles.ConcernsReadWrite);
        await client.CreateAsync();
        policy.Armed = true;

        using var response = await client.PostAsync(ConcernRequests.Example, Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(2, policy.Lost);
        Assert.Equal("2026-0002", (await response.ReadAsync<ConcernView>()).Reference);
        Assert.Equal(2, (await IntegrityStore.ConcernsAsync(azurite, host)).Count);

        // The binding is the Concerns table's only plain insert besides the tables' creation.
        static bool IsBinding(HttpMessage message) =>
            message.Request.Method == RequestMethod.Post && message.Request.Uri.Path.Contains("/Concerns", StringComparison.Ordinal)
            && !message.Request.Uri.Path.EndsWith("/Tables", StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_update_whose_transaction_answer_was_lost_reports_its_change_and_is_audited_once()
    {
        var policy = new LostResponsePolicy(LostResponsePolicy.IsTransaction);
        await using var host = await StartAsync(policy);
        using var client = host.CreateClient(ConcernRequests.Staff, AppRoles.ConcernsReadWrite);
        var (concern, etag) = await client.CreateAsync();
        policy.Armed = true;

        using var response = await client.PatchAsync(concern, """{ "outcome": "confirmed" }""", etag);
        policy.Armed = false;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, policy.Lost);
        var updated = await response.ReadAsync<ConcernView>();
        Assert.Equal(Outcome.Confirmed, updated.Outcome);
        using var reread = await client.GetAsync(ConcernRequests.UrlOf(concern));
        Assert.Equal(updated.ETag, reread.Headers.ETag!.ToString());
        Assert.Equal(1, IntegrityStore.AuditCounts(await IntegrityStore.AuditRowsAsync(azurite, host), AuditActions.UpdateConcern)[concern.Id.ToString()]);
    }

    [Fact]
    public async Task A_delete_whose_transaction_answer_was_lost_reports_204_and_is_audited_once()
    {
        var policy = new LostResponsePolicy(LostResponsePolicy.IsTransaction);
        await using var host = await StartAsync(policy);
        using var client = host.CreateClient(ConcernRequests.Staff, AppRoles.ConcernsReadWrite);
        var (concern, etag) = await client.CreateAsync();
        policy.Armed = true;

        using var response = await client.DeleteAsync(concern, etag);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(1, policy.Lost);
        Assert.Empty(await IntegrityStore.ConcernsAsync(azurite, host));
        Assert.Equal(1, IntegrityStore.AuditCounts(await IntegrityStore.AuditRowsAsync(azurite, host), AuditActions.DeleteConcern)[concern.Id.ToString()]);
    }

    [Fact]
    public async Task An_audit_insert_whose_answer_was_lost_succeeds_with_one_audit_row()
    {
        var auditTable = AzuriteFixture.UniqueName("AuditLog");
        var policy = new LostResponsePolicy(message => LostResponsePolicy.IsInsertInto(message, auditTable));
        await using var host = await StartAsync(policy, options => options.Settings["Storage:AuditLogTable"] = auditTable);
        using var client = host.CreateClient(ConcernRequests.Staff, AppRoles.ConcernsReadWrite);
        policy.Armed = true;

        using var response = await client.PostAsync(ConcernRequests.Example);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(1, policy.Lost);
        var created = await response.ReadAsync<ConcernView>();
        Assert.Equal(1, IntegrityStore.AuditCounts(await IntegrityStore.AuditRowsAsync(azurite, host), AuditActions.CreateConcern)[created.Id.ToString()]);
    }

    private Task<ApiTestHost> StartAsync(LostResponsePolicy policy, Action<ApiTestHostOptions>? configure = null) =>
        ApiTestHost.StartAsync(azurite, options =>
        {
            options.ConfigureServices = services =>
            {
                var clientOptions = new TableClientOptions();
                RetryBudget.Apply(clientOptions.Retry);
                clientOptions.AddPolicy(policy, HttpPipelinePosition.PerRetry);
                services.AddSingleton(new TableServiceClient(azurite.ConnectionString, clientOptions));
            };
            configure?.Invoke(options);
        });
}
