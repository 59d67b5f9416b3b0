using Azure.Data.Tables;
using Radikalisering.Core.Audit;
using Radikalisering.Core.Concerns;
using Radikalisering.IntegrationTests.Infrastructure.Azurite;
using Radikalisering.IntegrationTests.Infrastructure.Http;

namespace Radikalisering.IntegrationTests.Integrity;

/// <summary>What a host stored, read straight from Azurite (never through the proxy or the API).</summary>
internal static class IntegrityStore
{
    public static async Task<List<TableEntity>> ConcernRowsAsync(AzuriteFixture azurite, ApiTestHost host)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in azurite.TableService.GetTableClient(host.ConcernsTable).QueryAsync<TableEntity>())
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>The concern rows proper (not counters, markers, bindings or intents).</summary>
    public static async Task<List<TableEntity>> ConcernsAsync(AzuriteFixture azurite, ApiTestHost host) =>
        (await ConcernRowsAsync(azurite, host))
            .Where(row => !row.RowKey.StartsWith(ConcernColumns.BookkeepingPrefix, StringComparison.Ordinal))
            .ToList();

    public static async Task<List<TableEntity>> AuditRowsAsync(AzuriteFixture azurite, ApiTestHost host)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in azurite.TableService.GetTableClient(host.AuditLogTable).QueryAsync<TableEntity>())
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>How many audit rows of <paramref name="action"/> name each subject.</summary>
    public static Dictionary<string, int> AuditCounts(IEnumerable<TableEntity> audit, string action) =>
        audit.Where(row => row.GetString(AuditLogColumns.Action) == action)
            .GroupBy(row => row.GetString(AuditLogColumns.SubjectId) ?? "")
            .ToDictionary(group => group.Key, group => group.Count());
}
