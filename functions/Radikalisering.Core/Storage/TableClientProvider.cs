using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;

namespace Radikalisering.Core.Storage;

/// <summary>
/// Hands out table clients, creating each table on first use. A table storage has lost is noticed by
/// <see cref="IsTableMissing"/> and forgotten (<see cref="Forget"/>), so the next request creates it again.
/// </summary>
public sealed class TableClientProvider(TableServiceClient service)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> _tables = new(StringComparer.OrdinalIgnoreCase);

    public async Task<TableClient> GetAsync(string tableName, CancellationToken cancellationToken)
    {
        var lazy = _tables.GetOrAdd(tableName, name => new Lazy<Task<TableClient>>(() => CreateAsync(name)));
        try
        {
            return await lazy.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (lazy.Value.IsFaulted)
        {
            _tables.TryRemove(new KeyValuePair<string, Lazy<Task<TableClient>>>(tableName, lazy));
            throw;
        }
    }

    /// <summary>Whether a failure says a table does not exist (any more).</summary>
    public static bool IsTableMissing(Exception exception) =>
        exception is RequestFailedException { ErrorCode: "TableNotFound" };

    /// <summary>Forgets every table, so each is created again on its next use.</summary>
    public void Forget() => _tables.Clear();

    private async Task<TableClient> CreateAsync(string tableName)
    {
        var table = service.GetTableClient(tableName);
        using (ExpectedResponses.Expect(409))
        {
            await table.CreateIfNotExistsAsync();
        }

        return table;
    }
}
