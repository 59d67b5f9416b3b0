using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Radikalisering.Core.Concerns;
using Radikalisering.Core.Storage;

namespace Radikalisering.Core.Audit;

/// <summary>
/// Completes audit intents: writes each one's audit row (idempotent, so one the request already wrote is
/// not doubled) and then removes the intent: an intent row is deleted, an idempotency marker that carries a
/// create's intent is kept without it. Intents younger than <see cref="Grace"/> are left to their
/// request, which may still be retrying and reads its intent to learn whether its write committed.
/// </summary>
public sealed partial class AuditIntentSweep(
    TableClientProvider tables,
    IOptions<StorageOptions> options,
    IAuditLog auditLog,
    TimeProvider time,
    ILogger<AuditIntentSweep> logger)
{
    /// <summary>Well beyond a request's retry budget.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(2);

    private static readonly string IntentRows =
        TableClient.CreateQueryFilter($"RowKey ge {AuditIntent.RowKeyPrefix} and RowKey lt {AuditIntent.RowKeyPrefixEnd}");

    /// <summary>
    /// Only creates write markers, so a marker carrying an intent carries a create's; a marker without one
    /// lacks the column and does not match. A string equality, not a range on the operation id: Azurite's
    /// <c>ge guid'00000000-…'</c> missed 3 of 40 random GUIDs.
    /// </summary>
    private static readonly string MarkersCarryingIntents =
        TableClient.CreateQueryFilter($"RowKey ge {ConcernColumns.IdempotencyPrefix} and RowKey lt {ConcernColumns.IdempotencyPrefixEnd}")
        + $" and {AuditLogColumns.Action} eq {TableClient.CreateQueryFilter($"{AuditActions.CreateConcern}")}";

    /// <summary>Completes the intents older than <paramref name="olderThan"/>, of one year partition or (null) of all; returns how many.</summary>
    public async Task<int> CompleteAsync(string? partitionKey, TimeSpan olderThan, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(options.Value.ConcernsTable, cancellationToken);
        var cutoff = time.GetUtcNow() - olderThan;
        var completed = 0;
        foreach (var rows in new[] { IntentRows, MarkersCarryingIntents })
        {
            await foreach (var row in Query(table, partitionKey, rows, cancellationToken))
            {
                if (await CompleteAsync(table, row, cutoff, cancellationToken))
                {
                    completed++;
                }
            }
        }

        if (completed > 0)
        {
            LogCompleted(completed);
        }

        return completed;
    }

    private async Task<bool> CompleteAsync(TableClient table, TableEntity row, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var intent = AuditIntent.FromRow(row);
        if (intent.OccurredAt > cutoff)
        {
            return false;
        }

        await auditLog.WriteAsync(intent.ToEntry(), cancellationToken);
        try
        {
            if (AuditIntent.IsIntentRow(row))
            {
                await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, cancellationToken);
            }
            else
            {
                AuditIntent.RemoveFrom(row);
                await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
            }
        }
        catch (RequestFailedException exception) when (exception.Status is 404 or 412)
        {
            // Another sweep completed it meanwhile.
        }

        return true;
    }

    /// <summary>The <paramref name="rows"/> of one year partition, or of every partition but the key bindings'.</summary>
    private static AsyncPageable<TableEntity> Query(TableClient table, string? partitionKey, string rows, CancellationToken cancellationToken)
    {
        var partition = partitionKey is null
            ? TableClient.CreateQueryFilter($"PartitionKey ne {ConcernColumns.IdempotencyKeyYearsPartition}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}");
        return table.QueryAsync<TableEntity>($"{partition} and {rows}", cancellationToken: cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Completed {Count} audit intents.")]
    private partial void LogCompleted(int count);
}
