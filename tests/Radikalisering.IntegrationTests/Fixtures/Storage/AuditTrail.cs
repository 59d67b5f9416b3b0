using Azure.Data.Tables;
using Radikalisering.Core.Audit;
using Radikalisering.IntegrationTests.Fixtures.Azurite;
using Radikalisering.IntegrationTests.Fixtures.Http;

namespace Radikalisering.IntegrationTests.Fixtures.Storage;

/// <summary>Reads the host's audit log: (who, action, subject, result) of every entry.</summary>
public static class AuditTrail
{
    public static async Task<IReadOnlyList<(string Who, string Action, string? Subject, string Result)>> ReadAsync(AzuriteFixture azurite, ApiTestHost host)
    {
        var table = azurite.TableService.GetTableClient(host.AuditLogTable);
        var entries = new List<(string, string, string?, string)>();
        await foreach (var row in table.QueryAsync<TableEntity>())
        {
            entries.Add((row.GetString(AuditLogColumns.Who), row.GetString(AuditLogColumns.Action), row.GetString(AuditLogColumns.SubjectId), row.GetString(AuditLogColumns.Result)));
        }

        return entries;
    }
}
