using Azure.Data.Tables;
using Radikalisering.Core.Audit;
using Radikalisering.Core.Concerns;
using Radikalisering.IntegrationTests.Fixtures.Azurite;
using Radikalisering.IntegrationTests.Fixtures.Http;

namespace Radikalisering.IntegrationTests.Fixtures.Storage;

/// <summary>What a host stored, read straight from Azurite (never through the proxy or the API).</summary>
internal static class IntegrityStore
{
    /// <summary>Every row of the host's Concerns table; none when the host never created it.</summary>
    public static Task<List<TableEntity>> ConcernRowsAsync(AzuriteFixture azurite, ApiTestHost host) =>
        RowsAsync(azurite, host.ConcernsTable);

    /// <summary>The concern rows proper (not counters, markers, bindings or intents).</summary>
    public static async Task<List<TableEntity>> ConcernsAsync(AzuriteFixture azurite, ApiTestHost host) =>
        (await ConcernRowsAsync(azurite, host))
            .Where(row => !row.RowKey.StartsWith(ConcernColumns.BookkeepingPrefix, StringComparison.Ordinal))
            .ToList();

    public static Task<List<TableEntity>> AuditRowsAsync(AzuriteFixture azurite, ApiTestHost host) =>
        RowsAsync(azurite, host.AuditLogTable);

    private static async Task<List<TableEntity>> RowsAsync(AzuriteFixture azurite, string tableName)
    {
        var rows = new List<TableEntity>();
        var table = azurite.TableService.GetTableClient(tableName);
        if (!await ExistsAsync(azurite, tableName))
        {
            return rows;
        }

        await foreach (var row in table.QueryAsync<TableEntity>())
        {
            rows.Add(row);
        }

        return rows;
    }

    private static async Task<bool> ExistsAsync(AzuriteFixture azurite, string tableName)
    {
        await foreach (var _ in azurite.TableService.QueryAsync(table => table.Name == tableName))
        {
            return true;
        }

        return false;
    }

    /// <summary>How many audit rows of <paramref name="action"/> name each subject.</summary>
    public static Dictionary<string, int> AuditCounts(IEnumerable<TableEntity> audit, string action) =>
        audit.Where(row => row.GetString(AuditLogColumns.Action) == action)
            .GroupBy(row => row.GetString(AuditLogColumns.SubjectId) ?? "")
            .ToDictionary(group => group.Key, group => group.Count());
}
