using Azure;
using Azure.Data.Tables;

namespace Radikalisering.Core.Concerns;

/// <summary>The <c>Concerns</c> table's upkeep: moving rows to the current data key, and deleting a reported year.</summary>
public sealed class ConcernMaintenance(ConcernRows rows)
{
    /// <summary>
    /// Re-seals every row (concerns and idempotency bindings) whose payload is under an older key version
    /// with the current key, in place and ETag-guarded; content and schema stay as they are.
    /// A row changed meanwhile is skipped: its writer sealed it under the current key already.
    /// </summary>
    public async Task<ReencryptConcernsResult> ReencryptAsync(CancellationToken cancellationToken)
    {
        var table = await rows.TableAsync(cancellationToken);
        var current = await rows.CurrentKeyVersionAsync(cancellationToken);
        var moved = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
        {
            // A full scan either way (KeyVersion is not a key); filtered here, which every Table endpoint supports alike.
            if (row.GetString(ConcernColumns.KeyVersion) is not { } version || version == current
                || row.GetInt32(ConcernColumns.SchemaVersion) is not { } schemaVersion)
            {
                continue;
            }

            await rows.SealIntoAsync(row, await rows.OpenAsync(row, schemaVersion, cancellationToken), schemaVersion, cancellationToken);
            try
            {
                await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
                moved++;
            }
            catch (RequestFailedException exception) when (exception.Status is 404 or 412)
            {
                // Updated or deleted since it was read; an update sealed it under the current key.
            }
        }

        return new ReencryptConcernsResult(current, moved);
    }

    /// <summary>
    /// Deletes a whole year: the concerns and the year's bookkeeping rows (reference counter, idempotency
    /// markers, audit intents, which the caller completes first) in table transactions of up to 100 rows,
    /// reporting each transaction's concern ids once it committed; last the year's idempotency key
    /// bindings, which live outside the partition.
    /// </summary>
    public async Task DeleteYearAsync(int year, Func<IReadOnlyList<string>, Task> deleted, CancellationToken cancellationToken)
    {
        const int maximumTransactionSize = 100;
        var table = await rows.TableAsync(cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {ConcernRows.PartitionKeyOf(year)}");
        var yearRows = table.QueryAsync<TableEntity>(filter, maximumTransactionSize, ["PartitionKey", "RowKey"], cancellationToken);
        await foreach (var page in yearRows.AsPages().WithCancellation(cancellationToken))
        {
            if (page.Values.Count == 0)
            {
                continue;
            }

            var actions = page.Values.Select(row => new TableTransactionAction(TableTransactionActionType.Delete, row)).ToList();
            await table.SubmitTransactionAsync(actions, cancellationToken);
            await deleted(page.Values
                    .Select(row => row.RowKey)
                    .Where(rowKey => !rowKey.StartsWith(ConcernColumns.BookkeepingPrefix, StringComparison.Ordinal))
                    .ToList());
        }

        await IdempotencyBindings.DeleteYearAsync(table, year, cancellationToken);
    }
}
