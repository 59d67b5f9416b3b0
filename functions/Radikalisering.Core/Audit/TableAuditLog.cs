using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Radikalisering.Core.Storage;

namespace Radikalisering.Core.Audit;

/// <summary>
/// The <c>AuditLog</c> table: PartitionKey <c>yyyyMM</c> (UTC), RowKey reverse ticks + GUID so a
/// partition lists newest first and two entries in the same tick never collide. The GUID is the
/// entry's operation id or, for other entries, one drawn per write; either way only this entry can own
/// the row, so a 409 means an earlier attempt of the same write (an SDK retry after a lost
/// acknowledgement, or the request and the intent sweep both completing a change) already stored it.
/// </summary>
public sealed class TableAuditLog(TableClientProvider tables, IOptions<StorageOptions> options, TimeProvider time) : IAuditLog
{
    public async Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        var occurredAt = entry.OccurredAt ?? time.GetUtcNow();
        var row = new TableEntity(PartitionKeyOf(occurredAt), RowKeyOf(occurredAt, entry.OperationId ?? Guid.NewGuid()))
        {
            [AuditLogColumns.Who] = entry.Who,
            [AuditLogColumns.Action] = entry.Action,
            [AuditLogColumns.SubjectId] = entry.SubjectId,
            [AuditLogColumns.Result] = entry.Result.ToString(),
            [AuditLogColumns.OccurredAt] = occurredAt,
        };

        var table = await tables.GetAsync(options.Value.AuditLogTable, cancellationToken);
        try
        {
            await table.AddEntityAsync(row, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            // Already stored by an earlier attempt of this very entry: the write is done.
        }
    }

    /// <summary>Whether the row of an entry with a fixed operation id and time is stored.</summary>
    public async Task<bool> ContainsAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        if (entry is not { OperationId: { } operationId, OccurredAt: { } occurredAt })
        {
            throw new ArgumentException("Only an entry with an operation id and a time has a known row.", nameof(entry));
        }

        var table = await tables.GetAsync(options.Value.AuditLogTable, cancellationToken);
        var row = await table
            .GetEntityIfExistsAsync<TableEntity>(PartitionKeyOf(occurredAt), RowKeyOf(occurredAt, operationId), cancellationToken: cancellationToken);
        return row.HasValue;
    }

    private static string PartitionKeyOf(DateTimeOffset occurredAt) => occurredAt.ToString("yyyyMM", CultureInfo.InvariantCulture);

    private static string RowKeyOf(DateTimeOffset occurredAt, Guid operationId)
    {
        var reverseTicks = DateTimeOffset.MaxValue.UtcTicks - occurredAt.UtcTicks;
        return $"{reverseTicks.ToString("D19", CultureInfo.InvariantCulture)}-{operationId:N}";
    }
}
