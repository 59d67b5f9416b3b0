using System.Net;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Radikalisering.Core.Access;
using Radikalisering.Core.Audit;
using Radikalisering.Core.Concerns;
using Radikalisering.Core.Retention;
using Radikalisering.IntegrationTests.Concerns;
using Radikalisering.IntegrationTests.Fixtures.Azurite;
using Radikalisering.IntegrationTests.Fixtures.Http;

namespace Radikalisering.IntegrationTests.Integrity;

/// <summary>Lost tables come back; idempotency bindings do not outlive their create or their year.</summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Slow")]
public sealed partial class RecoveryTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Tables_storage_lost_answer_one_503_and_are_created_again()
    {
        await using var host = await ApiTestHost.StartAsync(azurite);
        using var staff = host.CreateClient(ConcernRequests.Staff, AppRoles.ConcernsReadWrite);
        using var anonymous = host.CreateClient();
        await staff.CreateAsync();
        await azurite.TableService.DeleteTableAsync(host.ConcernsTable);
        await azurite.TableService.DeleteTableAsync(host.AuditLogTable);

        using var lost = await anonymous.GetAsync("/api/concerns?year=2026");
        using var refused = await anonymous.GetAsync("/api/concerns?year=2026");
        using var created = await staff.PostAsync(ConcernRequests.Example);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, lost.StatusCode);
        Assert.NotNull(lost.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("2026-0001", (await created.ReadAsync<ConcernView>()).Reference);
    }

    [Fact]
    public async Task A_keyed_create_that_fails_before_committing_frees_its_key()
    {
        await using var host = await ApiTestHost.StartAsync(azurite);
        using var client = host.CreateClient(ConcernRequests.Staff, AppRoles.ConcernsReadWrite);
        await client.CreateAsync();
        var table = azurite.TableService.GetTableClient(host.ConcernsTable);
        var counter = (await table.GetEntityAsync<TableEntity>("2026", ConcernColumns.CounterRowKey)).Value;
        counter[ConcernColumns.LastSequence] = "not a number";
        await table.UpdateEntityAsync(counter, counter.ETag, TableUpdateMode.Replace);
        var key = Guid.NewGuid().ToString();

        using var failed = await client.PostAsync(ConcernRequests.Example, key);
        using var corrected = await client.PostAsync("""{ "receivedOn": "2025-11-03", "subjectUnder18": false, "reporter": "other" }""", key);

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
        Assert.Equal("2025-0001", (await corrected.ReadAsync<ConcernView>()).Reference);
    }

    [Fact]
    public async Task A_keyed_create_whose_audit_cannot_be_written_is_answered_201_and_its_intent_is_completed_once_by_the_sweep()
    {
        // The trail's blob endpoint is unreachable: the transaction commits, the AuditLog row is written, the trail append fails.
        await using var broken = await ApiTestHost.StartAsync(azurite, options =>
            options.Settings["Storage:ConnectionString"] = BlobEndpoint().Replace(azurite.ConnectionString, "BlobEndpoint=http://127.0.0.1:9/"));
        using var client = broken.CreateClient(ConcernRequests.Staff, AppRoles.ConcernsReadWrite);
        var key = Guid.NewGuid().ToString();
        using var created = await client.PostAsync(ConcernRequests.Example, key);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var concern = await created.ReadAsync<ConcernView>();
        await using var host = await ApiTestHost.StartAsync(azurite, options =>
        {
            foreach (var setting in new[] { "Storage:ConcernsTable", "Storage:AuditLogTable", "Storage:AuditTrailContainer" })
            {
                options.Settings[setting] = broken.Settings[setting];
            }
        });
        var sweep = host.Services.GetRequiredService<AuditIntentSweep>();

        var completed = await sweep.CompleteAsync(null, TimeSpan.Zero, CancellationToken.None);
        var completedAgain = await sweep.CompleteAsync(null, TimeSpan.Zero, CancellationToken.None);
        using var replay = await host.CreateClient(ConcernRequests.Staff, AppRoles.ConcernsReadWrite).PostAsync(ConcernRequests.Example, key);

        Assert.Equal((1, 0), (completed, completedAgain));
        var audit = Assert.Single(
            await IntegrityStore.AuditRowsAsync(azurite, host),
            row => row.GetString(AuditLogColumns.Action) == AuditActions.CreateConcern && row.GetString(AuditLogColumns.SubjectId) == concern.Id.ToString());
        Assert.Single(await IntegrityStore.TrailRecordsAsync(azurite, host), record => record.Op == IntegrityStore.OperationIdOf(audit));
        var marker = Assert.Single(
            await IntegrityStore.ConcernRowsAsync(azurite, host),
            row => row.PartitionKey == "2026" && row.RowKey.StartsWith(ConcernColumns.IdempotencyPrefix, StringComparison.Ordinal));
        Assert.Equal(concern.Id.ToString(), marker.GetString(ConcernColumns.ConcernId));
        Assert.False(marker.ContainsKey(AuditIntent.OperationIdColumn));
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal(concern.Id, (await replay.ReadAsync<ConcernView>()).Id);
    }

    [Fact]
    public async Task A_completed_change_leaves_no_intent_for_the_sweep()
    {
        await using var host = await ApiTestHost.StartAsync(azurite);
        using var client = host.CreateClient(ConcernRequests.Staff, AppRoles.ConcernsReadWrite);
        var (concern, etag) = await client.CreateAsync();
        using var keyed = await client.PostAsync(ConcernRequests.Example, Guid.NewGuid().ToString());
        using var updated = await client.PatchAsync(concern, """{ "outcome": "dismissed" }""", etag);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (keyed.StatusCode, updated.StatusCode));
        Assert.DoesNotContain(await IntegrityStore.ConcernRowsAsync(azurite, host), row => AuditIntent.HeldBy(row) is not null);
        Assert.Equal(0, await host.Services.GetRequiredService<AuditIntentSweep>().CompleteAsync(null, TimeSpan.Zero, CancellationToken.None));
    }

    [Fact]
    public async Task Retention_removes_a_years_key_bindings_and_completes_its_audit_intents()
    {
        await using var host = await ApiTestHost.StartAsync(azurite);
        using var client = host.CreateClient(ConcernRequests.Staff, AppRoles.ConcernsReadWrite);
        using (await client.PostAsync(ConcernRequests.Example, "kept-2025-key"))
        {
        }

        using var created = await client.PostAsync("""{ "receivedOn": "2025-11-03", "subjectUnder18": false, "reporter": "other" }""", "retained-key");
        var concern = await created.ReadAsync<ConcernView>();

        await host.Services.GetRequiredService<AuditIntentSweep>().CompleteAsync("2025", TimeSpan.Zero, CancellationToken.None);
        await host.Services.GetRequiredService<ConcernMaintenance>().DeleteYearAsync(2025, _ => Task.CompletedTask, CancellationToken.None);

        var rows = await IntegrityStore.ConcernRowsAsync(azurite, host);
        Assert.DoesNotContain(rows, row => row.PartitionKey == "2025");
        var binding = Assert.Single(rows, row => row.PartitionKey == ConcernColumns.IdempotencyKeyYearsPartition);
        Assert.Equal(2026, binding.GetInt32(ConcernColumns.Year));
        Assert.Equal(1, IntegrityStore.AuditCounts(await IntegrityStore.AuditRowsAsync(azurite, host), AuditActions.CreateConcern)[concern.Id.ToString()]);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"BlobEndpoint=http://127\.0\.0\.1:\d+/")]
    private static partial System.Text.RegularExpressions.Regex BlobEndpoint();
}
