using Azure.Data.Tables;
using Radikalisering.IntegrationTests.Fixtures.Azurite;
using Radikalisering.IntegrationTests.Fixtures.Http;

namespace Radikalisering.IntegrationTests.Fixtures.Storage;

/// <summary>
/// The rows of a host's Concerns and AuditLog tables at one moment: on a shared host a test counts only the rows added
/// after its mark (the tests of one collection run one at a time, so those are the test's own).
/// </summary>
internal sealed class StoreMark
{
    private readonly AzuriteFixture _azurite;
    private readonly ApiTestHost _host;
    private readonly HashSet<string> _concernKeys;
    private readonly HashSet<string> _auditKeys;

    private StoreMark(AzuriteFixture azurite, ApiTestHost host, HashSet<string> concernKeys, HashSet<string> auditKeys)
    {
        _azurite = azurite;
        _host = host;
        _concernKeys = concernKeys;
        _auditKeys = auditKeys;
    }

    public static async Task<StoreMark> SetAsync(AzuriteFixture azurite, ApiTestHost host) => new(
        azurite,
        host,
        (await IntegrityStore.ConcernRowsAsync(azurite, host)).Select(KeyOf).ToHashSet(),
        (await IntegrityStore.AuditRowsAsync(azurite, host)).Select(KeyOf).ToHashSet());

    /// <summary>The concern rows proper added since the mark.</summary>
    public async Task<List<TableEntity>> NewConcernsAsync() =>
        (await IntegrityStore.ConcernsAsync(_azurite, _host)).Where(row => !_concernKeys.Contains(KeyOf(row))).ToList();

    /// <summary>The audit rows added since the mark.</summary>
    public async Task<List<TableEntity>> NewAuditRowsAsync() =>
        (await IntegrityStore.AuditRowsAsync(_azurite, _host)).Where(row => !_auditKeys.Contains(KeyOf(row))).ToList();

    private static string KeyOf(TableEntity row) => $"{row.PartitionKey}/{row.RowKey}";
}
