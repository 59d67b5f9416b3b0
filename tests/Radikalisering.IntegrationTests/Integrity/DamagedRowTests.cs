using System.Net;
using Azure.Data.Tables;
using Radikalisering.Core.Access;
using Radikalisering.Core.Audit;
using Radikalisering.Core.Concerns;
using Radikalisering.IntegrationTests.Concerns;
using Radikalisering.IntegrationTests.Fixtures.Azurite;
using Radikalisering.IntegrationTests.Fixtures.Http;
using Radikalisering.IntegrationTests.Reports;

namespace Radikalisering.IntegrationTests.Integrity;

/// <summary>A damaged row (swapped or flipped payload, unknown key version or schema) never takes its year down.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DamagedRowTests(AzuriteFixture azurite)
{
    private const string Admin = "00000000-0000-0000-0000-0000000000ad";

    [Fact]
    public async Task Listing_a_year_with_damaged_rows_shows_the_rest_and_names_the_damaged_ones_audited_as_integrity_alerts()
    {
        await using var host = await ApiTestHost.StartAsync(azurite);
        using var client = host.CreateClient(ConcernRequests.Staff, AppRoles.ConcernsReadWrite);
        var concerns = new List<ConcernView>();
        for (var index = 0; index < 6; index++)
        {
            concerns.Add((await client.CreateAsync()).View);
        }

        var damaged = await DamageAsync(host, concerns);

        using var response = await client.GetAsync("/api/concerns?year=2026");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadAsync<ConcernPage>();
        Assert.Equal(concerns.Except(damaged).Select(concern => concern.Id).Order(), page.Items.Select(item => item.Id).Order());
        Assert.Equal(
            damaged.Select(concern => new UnreadableConcern(concern.Id.ToString(), concern.Reference)).OrderBy(item => item.Id),
            page.Unreadable.OrderBy(item => item.Id));
        var alerts = IntegrityStore.AuditCounts(await IntegrityStore.AuditRowsAsync(azurite, host), AuditActions.IntegrityAlert);
        Assert.Equal(damaged.Select(concern => concern.Id.ToString()).Order(), alerts.Keys.Order());
    }

    [Fact]
    public async Task A_damaged_row_can_be_deleted_with_the_etag_its_problem_carries()
    {
        await using var host = await ApiTestHost.StartAsync(azurite);
        using var client = host.CreateClient(ConcernRequests.Staff, AppRoles.ConcernsReadWrite);
        var (concern, _) = await client.CreateAsync();
        var (other, _) = await client.CreateAsync();
        await DamageAsync(host, [concern, other], damages: 1);

        using var read = await client.GetAsync(ConcernRequests.UrlOf(concern));
        Assert.Equal(HttpStatusCode.Conflict, read.StatusCode);
        var etag = (string)(await read.ReadProblemAsync())["etag"]!;
        using var deleted = await client.DeleteAsync(concern, etag);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.DoesNotContain(await IntegrityStore.ConcernsAsync(azurite, host), row => row.RowKey == concern.Id.ToString());
    }

    [Fact]
    public async Task Compiling_a_year_with_damaged_rows_is_refused_naming_the_count_and_an_empty_year_is_not_compiled()
    {
        await using var host = await ReportTestHost.StartAsync(azurite);
        using var staff = host.CreateClient(ConcernRequests.Staff, AppRoles.ConcernsReadWrite);
        using var admin = host.CreateClient(Admin, AppRoles.ReportsAdmin);
        var concerns = new List<ConcernView>();
        for (var index = 0; index < 3; index++)
        {
            concerns.Add((await staff.CreateAsync("""{ "receivedOn": "2025-03-14", "subjectUnder18": true, "reporter": "other" }""")).View);
        }

        await DamageAsync(host, concerns.Take(2).ToList(), damages: 1);

        using var refused = await admin.PostAsync("/api/reports/2025/compile", null);
        using var empty = await admin.PostAsync("/api/reports/2024/compile", null);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.StartsWith("1 henvendelse(r) fra 2025 kan ikke læses", (string?)(await refused.ReadProblemAsync())["detail"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, empty.StatusCode);
        using var statistics = host.CreateClient(Admin, AppRoles.ReportsRead);
        using var none = await statistics.GetAsync("/api/statistics/2025");
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
    }

    /// <summary>
    /// Damages the first <paramref name="damages"/> of the concerns in turn: a payload swapped from the next
    /// row, a flipped byte, an unknown key version, an unknown schema. Returns the damaged ones.
    /// </summary>
    private async Task<List<ConcernView>> DamageAsync(ApiTestHost host, List<ConcernView> concerns, int damages = 4)
    {
        var table = azurite.TableService.GetTableClient(host.ConcernsTable);
        async Task<TableEntity> RowAsync(ConcernView concern) =>
            (await table.GetEntityAsync<TableEntity>(ConcernRows.PartitionKeyOf(concern.Year), concern.Id.ToString())).Value;
        var damage = new Action<TableEntity, TableEntity>[]
        {
            (row, next) => row["Payload"] = next.GetBinary("Payload"),
            (row, _) =>
            {
                var payload = row.GetBinary("Payload");
                payload[20] ^= 0x01;
                row["Payload"] = payload;
            },
            (row, _) => row["KeyVersion"] = "no-such-version",
            (row, _) => row["SchemaVersion"] = 99,
        };

        for (var index = 0; index < damages; index++)
        {
            var row = await RowAsync(concerns[index]);
            damage[index](row, await RowAsync(concerns[index + 1]));
            await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);
        }

        return concerns.Take(damages).ToList();
    }
}
