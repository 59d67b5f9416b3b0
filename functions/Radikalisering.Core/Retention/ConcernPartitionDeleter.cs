using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Radikalisering.Core.Audit;
using Radikalisering.Core.Concerns;
using Radikalisering.Core.Storage;

namespace Radikalisering.Core.Retention;

/// <summary>
/// Deletes a whole year of the <c>Concerns</c> table: first completes the partition's audit intents (so no
/// change goes unaudited), then deletes the concerns and the year's bookkeeping rows (reference counter,
/// idempotency markers) in table transactions of up to 100 rows, and last the year's idempotency key
/// bindings, which live outside the partition.
/// </summary>
public sealed class ConcernPartitionDeleter(
    TableClientProvider tables,
    IOptions<StorageOptions> options,
    AuditIntentSweep intents,
    ConcernStore store)
{
    private const int MaximumTransactionSize = 100;

    /// <summary>Deletes the year's rows, one transaction at a time, reporting each transaction's concern ids once it committed.</summary>
    public async Task DeleteYearAsync(int year, Func<IReadOnlyList<string>, Task> deleted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deleted);
        var partition = ConcernStore.PartitionKeyOf(year);
        await intents.CompleteAsync(partition, TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        var table = await tables.GetAsync(options.Value.ConcernsTable, cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
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

        await store.DeleteYearBookkeepingAsync(year, cancellationToken).ConfigureAwait(false);
    }
}
