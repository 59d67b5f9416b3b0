using System.Collections.Concurrent;
using Azure.Data.Tables;

namespace Radikalisering.Core.Storage;

/// <summary>Hands out table clients, creating each table once per process on first use.</summary>
public sealed class TableClientProvider(TableServiceClient service)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> _tables = new(StringComparer.OrdinalIgnoreCase);

    public async Task<TableClient> GetAsync(string tableName, CancellationToken cancellationToken)
    {
        var lazy = _tables.GetOrAdd(tableName, name => new Lazy<Task<TableClient>>(() => CreateAsync(name)));
        try
        {
            return await lazy.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (lazy.Value.IsFaulted)
        {
            _tables.TryRemove(new KeyValuePair<string, Lazy<Task<TableClient>>>(tableName, lazy));
            throw;
        }
    }

    private async Task<TableClient> CreateAsync(string tableName)
    {
        var table = service.GetTableClient(tableName);
        await table.CreateIfNotExistsAsync().ConfigureAwait(false);
        return table;
    }
}
