using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Radikalisering.Core.Access;
using Radikalisering.Core.Audit;
using Radikalisering.Core.AuditTrail;
using Radikalisering.Core.Storage;
using Radikalisering.EndToEndTests.Hosting;

namespace Radikalisering.EndToEndTests.Concerns;

/// <summary>
/// The <c>CompleteAuditIntents</c> timer, run through the worker as the host runs it: an intent a killed request
/// left (its change committed, its audit never written) is completed once, and a second run does nothing.
/// </summary>
[Collection(WorkerCollection.Name)]
[Trait("Category", "Slow")]
public sealed class AuditIntentTimerTests(WorkerFixture worker)
{
    private const string Staff = "00000000-0000-0000-0000-00000000e2e4";

    [Fact]
    public async Task An_intent_left_by_a_killed_request_is_completed_by_the_timer_once()
    {
        using var staff = worker.CreateClient(Staff, AppRoles.ConcernsReadWrite);
        using var created = await staff.PostAsync(
            "api/concerns",
            new StringContent("""{ "receivedOn": "2026-04-20", "subjectUnder18": false, "reporter": "other" }""", Encoding.UTF8, new MediaTypeHeaderValue("application/json")));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (string)JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!;
        // What an update's transaction commits with the change, left by a request killed before it audited: older than the sweep's grace.
        var intent = new AuditIntent(Guid.NewGuid(), Staff, AuditActions.UpdateConcern, id, DateTimeOffset.UtcNow - AuditIntentSweep.Grace - TimeSpan.FromMinutes(1));
        var concerns = worker.Azurite.TableService.GetTableClient(worker.ConcernsTable);
        await concerns.AddEntityAsync(intent.ToRow("2026"));

        await worker.Host.InvokeTimerAsync("CompleteAuditIntents");
        await worker.Host.InvokeTimerAsync("CompleteAuditIntents");

        var rows = new List<TableEntity>();
        await foreach (var row in worker.AuditLog.QueryAsync<TableEntity>())
        {
            rows.Add(row);
        }

        var audited = Assert.Single(rows, row => row.RowKey.EndsWith(intent.OperationId.ToString("N"), StringComparison.Ordinal));
        Assert.Equal((AuditActions.UpdateConcern, id, nameof(AuditResult.Succeeded)), (audited.GetString(AuditLogColumns.Action), audited.GetString(AuditLogColumns.SubjectId), audited.GetString(AuditLogColumns.Result)));
        Assert.Single(await TrailRecordsAsync(), record => record.Op == intent.OperationId);
        Assert.False((await concerns.GetEntityIfExistsAsync<TableEntity>("2026", intent.RowKey)).HasValue);
    }

    /// <summary>Every record of the trail container the worker writes to (the default name; shared by this run's hosts).</summary>
    private async Task<List<AuditTrailRecord>> TrailRecordsAsync()
    {
        var container = new BlobServiceClient(worker.Azurite.ConnectionString).GetBlobContainerClient(new StorageOptions().AuditTrailContainer);
        var records = new List<AuditTrailRecord>();
        await foreach (var blob in container.GetBlobsAsync())
        {
            records.AddRange(AuditTrailReader.RecordsOf((await container.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToString()));
        }

        return records;
    }
}
