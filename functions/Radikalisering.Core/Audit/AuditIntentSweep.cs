using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Radikalisering.Core.Storage;

namespace Radikalisering.Core.Audit;

/// <summary>
/// Completes audit intents: writes each one's audit row (idempotent, so one the request already wrote is
/// not doubled) and then removes the intent. Intents younger than <see cref="Grace"/> are left to their
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

    /// <summary>Completes the intents older than <paramref name="olderThan"/>, of one year partition or (null) of all; returns how many.</summary>
    public async Task<int> CompleteAsync(string? partitionKey, TimeSpan olderThan, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(options.Value.ConcernsTable, cancellationToken);
        var filter = partitionKey is null
            ? TableClient.CreateQueryFilter($"RowKey ge {AuditIntent.RowKeyPrefix} and RowKey lt {AuditIntent.RowKeyPrefixEnd}")
            : TableClient.CreateQueryFilter(
                $"PartitionKey eq {partitionKey} and RowKey ge {AuditIntent.RowKeyPrefix} and RowKey lt {AuditIntent.RowKeyPrefixEnd}");
        var cutoff = time.GetUtcNow() - olderThan;
        var completed = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var intent = AuditIntent.FromRow(row);
            if (intent.OccurredAt > cutoff)
            {
                continue;
            }

            await auditLog.WriteAsync(intent.ToEntry(), cancellationToken);
            try
            {
                await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, cancellationToken);
            }
            catch (RequestFailedException exception) when (exception.Status is 404 or 412)
            {
                // Another sweep completed it meanwhile.
            }

            completed++;
        }

        if (completed > 0)
        {
            LogCompleted(completed);
        }

        return completed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Completed {Count} audit intents.")]
    private partial void LogCompleted(int count);
}
