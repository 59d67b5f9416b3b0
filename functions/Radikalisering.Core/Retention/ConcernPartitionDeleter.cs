using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Radikalisering.Core.Concerns;
using Radikalisering.Core.Storage;

namespace Radikalisering.Core.Retention;

/// <summary>
/// Deletes a whole year's partition of the <c>Concerns</c> table: the concerns and the year's
/// bookkeeping rows (reference counter, idempotency markers), in table transactions of up to 100 rows.
/// </summary>
public sealed class ConcernPartitionDeleter(TableClientProvider tables, IOptions<StorageOptions> options)
{
    private const int MaximumTransactionSize = 100;

    /// <summary>Deletes the year's rows, one transaction at a time, reporting each transaction's concern ids once it committed.</summary>
    public async Task DeleteYearAsync(int year, Func<IReadOnlyList<string>, Task> deleted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deleted);
        var table = await tables.GetAsync(options.Value.ConcernsTable, cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {ConcernStore.PartitionKeyOf(year)}");
        var rows = table.QueryAsync<TableEntity>(filter, MaximumTransactionSize, ["PartitionKey", "RowKey"], cancellationToken);
        await foreach (var page in rows.AsPages().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (page.Values.Count == 0)
            {
                continue;
            }

            var actions = page.Values.Select(row => new TableTransactionAction(TableTransactionActionType.Delete, row)).ToList();
            await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            await deleted(page.Values
                    .Select(row => row.RowKey)
                    .Where(rowKey => !rowKey.StartsWith(ConcernColumns.BookkeepingPrefix, StringComparison.Ordinal))
                    .ToList())
                .ConfigureAwait(false);
        }
    }
}
