using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Radikalisering.Core.Storage;

namespace Radikalisering.Core.Audit;

/// <summary>
/// The <c>AuditLog</c> table: PartitionKey <c>yyyyMM</c> (UTC), RowKey reverse ticks + GUID so a
/// partition lists newest first and two entries in the same tick never collide.
/// </summary>
public sealed class TableAuditLog(TableClientProvider tables, IOptions<StorageOptions> options, TimeProvider time) : IAuditLog
{
    public async Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var now = time.GetUtcNow();
        var reverseTicks = DateTimeOffset.MaxValue.UtcTicks - now.UtcTicks;
        var row = new TableEntity(
            now.ToString("yyyyMM", CultureInfo.InvariantCulture),
            $"{reverseTicks.ToString("D19", CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}")
        {
            [AuditLogColumns.Who] = entry.Who,
            [AuditLogColumns.Action] = entry.Action,
            [AuditLogColumns.SubjectId] = entry.SubjectId,
            [AuditLogColumns.Result] = entry.Result.ToString(),
            [AuditLogColumns.OccurredAt] = now,
        };

        var table = await tables.GetAsync(options.Value.AuditLogTable, cancellationToken).ConfigureAwait(false);
        await table.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
    }
}
