using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Radikalisering.Core.Audit;
using Radikalisering.Core.AuditTrail;
using Radikalisering.Core.Concerns;
using Radikalisering.Core.Storage;
using Radikalisering.IntegrationTests.Fixtures.Azurite;
using Radikalisering.IntegrationTests.Fixtures.Http;

namespace Radikalisering.IntegrationTests.Fixtures.Storage;

/// <summary>What a host stored, read straight from Azurite (never through the proxy or the API).</summary>
public static class IntegrityStore
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

    /// <summary>Every record of the host's audit trail, of every blob.</summary>
    public static async Task<List<AuditTrailRecord>> TrailRecordsAsync(AzuriteFixture azurite, ApiTestHost host)
    {
        var container = new BlobServiceClient(azurite.ConnectionString)
            .GetBlobContainerClient(host.Settings[$"{StorageOptions.SectionName}:{nameof(StorageOptions.AuditTrailContainer)}"]);
        var records = new List<AuditTrailRecord>();
        if (!await container.ExistsAsync())
        {
            return records;
        }

        await foreach (var blob in container.GetBlobsAsync())
        {
            var content = (await container.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToString();
            records.AddRange(AuditTrailReader.RecordsOf(content));
        }

        return records;
    }

    /// <summary>The operation id an <c>AuditLog</c> row names (its RowKey's GUID), which its trail record names too.</summary>
    public static Guid OperationIdOf(TableEntity auditRow) =>
        Guid.ParseExact(auditRow.RowKey[(auditRow.RowKey.IndexOf('-', StringComparison.Ordinal) + 1)..], "N");

    /// <summary>How many trail records name each operation id.</summary>
    public static Dictionary<Guid, int> TrailCounts(IEnumerable<AuditTrailRecord> records) =>
        records.Where(record => record.Op is not null).GroupBy(record => record.Op!.Value).ToDictionary(group => group.Key, group => group.Count());
}
