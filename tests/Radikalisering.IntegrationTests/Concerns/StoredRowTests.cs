using System.Net;
using System.Text;
using Azure.Data.Tables;
using Radikalisering.Core.Access;
using Radikalisering.Core.Concerns;
using Radikalisering.IntegrationTests.Fixtures.Azurite;
using Radikalisering.IntegrationTests.Fixtures.Http;

namespace Radikalisering.IntegrationTests.Concerns;

[Collection(AzuriteCollection.Name)]
public sealed class StoredRowTests(AzuriteFixture azurite)
{
    private static readonly string[] PlaintextFragments =
        ["2026-03-14", "municipalEmployee", "MunicipalEmployee", "subjectUnder18", "pending", "true", "receivedOn"];

    [Fact]
    public async Task A_stored_row_has_exactly_the_designed_columns_and_no_plaintext_fact()
    {
        await using var host = await ApiTestHost.StartAsync(azurite);
        using var client = host.CreateClient(ConcernRequests.Staff, AppRoles.ConcernsReadWrite);
        using var created = await client.PostAsync(ConcernRequests.Example, idempotencyKey: "raw-read");
        var view = await created.ReadAsync<ConcernView>();

        var rows = await RawRowsAsync(host);
        var row = Assert.Single(rows, entity => entity.RowKey == view.Id.ToString());

        Assert.Equal("2026", row.PartitionKey);
        Assert.Equal(
            ["KeyVersion", "Payload", "Reference", "SchemaVersion"],
            row.Keys.Where(key => key is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag")).Order(StringComparer.Ordinal));
        Assert.Equal("2026-0001", row.GetString("Reference"));
        Assert.Equal("development", row.GetString("KeyVersion"));
        Assert.Equal(ConcernColumns.CurrentSchemaVersion, row.GetInt32("SchemaVersion"));

        foreach (var entity in rows)
        {
            var everyValue = string.Join("|", entity.Select(pair => pair.Value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : pair.Value?.ToString()));
            foreach (var fragment in PlaintextFragments)
            {
                Assert.DoesNotContain(fragment, everyValue, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task A_payload_copied_onto_another_row_does_not_decrypt_and_is_answered_as_unreadable()
    {
        await using var host = await ApiTestHost.StartAsync(azurite);
        using var client = host.CreateClient(ConcernRequests.Staff, AppRoles.ConcernsReadWrite);
        var (confirmed, _) = await client.CreateAsync("""{ "receivedOn": "2026-03-14", "subjectUnder18": true, "reporter": "other", "outcome": "confirmed" }""");
        var (pending, _) = await client.CreateAsync();

        var table = azurite.TableService.GetTableClient(host.ConcernsTable);
        var source = (await table.GetEntityAsync<TableEntity>("2026", confirmed.Id.ToString())).Value;
        var target = (await table.GetEntityAsync<TableEntity>("2026", pending.Id.ToString())).Value;
        target["Payload"] = source["Payload"];
        await table.UpdateEntityAsync(target, target.ETag, TableUpdateMode.Replace);

        using var response = await client.GetAsync(ConcernRequests.UrlOf(pending));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.ReadProblemAsync();
        Assert.Equal(pending.Id.ToString(), (string?)problem["id"]);
        Assert.Contains(pending.Reference, (string?)problem["detail"], StringComparison.Ordinal);
        Assert.DoesNotContain("confirmed", problem.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_concern_reader_yields_a_years_decrypted_facts_and_nothing_else()
    {
        await using var host = await ApiTestHost.StartAsync(azurite);
        using var client = host.CreateClient(ConcernRequests.Staff, AppRoles.ConcernsReadWrite);
        using (await client.PostAsync(ConcernRequests.Example, idempotencyKey: "k1"))
        {
        }

        await client.CreateAsync("""{ "receivedOn": "2026-01-02", "subjectUnder18": false, "reporter": "otherAuthority", "outcome": "dismissed" }""");
        await client.CreateAsync("""{ "receivedOn": "2025-01-02", "subjectUnder18": false, "reporter": "other" }""");
        var reader = (IConcernReader)host.Services.GetService(typeof(IConcernReader))!;

        var facts = new List<ConcernFacts>();
        await foreach (var item in reader.ReadYearAsync(2026, CancellationToken.None))
        {
            facts.Add(item);
        }

        Assert.Equal(
            new[]
            {
                new ConcernFacts(new DateOnly(2026, 1, 2), false, ReporterKind.OtherAuthority, Outcome.Dismissed, new DateOnly(2026, 6, 15)),
                new ConcernFacts(new DateOnly(2026, 3, 14), true, ReporterKind.MunicipalEmployee, Outcome.Pending, null),
            },
            facts.OrderBy(item => item.ReceivedOn));
    }

    private async Task<List<TableEntity>> RawRowsAsync(ApiTestHost host)
    {
        var rows = new List<TableEntity>();
        await foreach (var entity in azurite.TableService.GetTableClient(host.ConcernsTable).QueryAsync<TableEntity>())
        {
            rows.Add(entity);
        }

        return rows;
    }
}
