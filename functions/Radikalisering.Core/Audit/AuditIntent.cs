using Azure.Data.Tables;

namespace Radikalisering.Core.Audit;

/// <summary>
/// A change's audit entry, written as a row in the same table transaction (and partition) as the change:
/// the change and its intent commit together or not at all. The request then writes the audit row
/// (<see cref="ToEntry"/>, row id fixed by <see cref="OperationId"/>); if it cannot, <see cref="AuditIntentSweep"/>
/// does, later. So no committed change stays unaudited. Its presence also tells a retried write that
/// its own earlier attempt committed. An intent is its own row (<see cref="ToRow"/>), or rides on a
/// bookkeeping row the change adds anyway (<see cref="CarryOn"/>), which the sweep keeps and only strips of it.
/// </summary>
public sealed record AuditIntent(Guid OperationId, string Who, string Action, string SubjectId, DateTimeOffset OccurredAt)
{
    /// <summary>RowKeys of intents; '~' keeps them out of the concern range, '.' is the next character after '-'.</summary>
    public const string RowKeyPrefix = "~audit-";

    public const string RowKeyPrefixEnd = "~audit.";

    /// <summary>The operation id of an intent carried by another row, whose RowKey is not the intent's.</summary>
    public const string OperationIdColumn = "IntentOperationId";

    private static readonly string[] CarriedColumns =
        [OperationIdColumn, AuditLogColumns.Who, AuditLogColumns.Action, AuditLogColumns.SubjectId, AuditLogColumns.OccurredAt];

    public string RowKey => RowKeyOf(OperationId);

    public static string RowKeyOf(Guid operationId) => RowKeyPrefix + operationId.ToString("N");

    public AuditEntry ToEntry() =>
        new(Who, Action, SubjectId, AuditResult.Succeeded) { OperationId = OperationId, OccurredAt = OccurredAt };

    public TableEntity ToRow(string partitionKey) => WriteColumns(new TableEntity(partitionKey, RowKey));

    /// <summary>Puts the intent on <paramref name="row"/>, a row committed in the same transaction as the change.</summary>
    public TableEntity CarryOn(TableEntity row)
    {
        row[OperationIdColumn] = OperationId;
        return WriteColumns(row);
    }

    /// <summary>Removes a carried intent's columns, leaving the row as it would be without it.</summary>
    public static void RemoveFrom(TableEntity row)
    {
        foreach (var column in CarriedColumns)
        {
            row.Remove(column);
        }
    }

    /// <summary>Whether the row is an intent's own row (<see cref="ToRow"/>), not a row carrying one.</summary>
    public static bool IsIntentRow(TableEntity row) => row.RowKey.StartsWith(RowKeyPrefix, StringComparison.Ordinal);

    /// <summary>The intent an intent row holds, or another row carries; null when the row carries none (any more).</summary>
    public static AuditIntent? HeldBy(TableEntity row) => IsIntentRow(row) || row.ContainsKey(OperationIdColumn) ? FromRow(row) : null;

    public static AuditIntent FromRow(TableEntity row)
    {
        var operationId = IsIntentRow(row)
            ? Guid.ParseExact(row.RowKey[RowKeyPrefix.Length..], "N")
            : row.GetGuid(OperationIdColumn) ?? throw new InvalidDataException($"Row {row.RowKey} carries no audit intent.");
        return new AuditIntent(
            operationId,
            row.GetString(AuditLogColumns.Who) ?? throw new InvalidDataException($"Audit intent {row.RowKey} names no caller."),
            row.GetString(AuditLogColumns.Action) ?? throw new InvalidDataException($"Audit intent {row.RowKey} names no action."),
            row.GetString(AuditLogColumns.SubjectId) ?? "",
            row.GetDateTimeOffset(AuditLogColumns.OccurredAt) ?? throw new InvalidDataException($"Audit intent {row.RowKey} has no time."));
    }

    private TableEntity WriteColumns(TableEntity row)
    {
        row[AuditLogColumns.Who] = Who;
        row[AuditLogColumns.Action] = Action;
        row[AuditLogColumns.SubjectId] = SubjectId;
        row[AuditLogColumns.OccurredAt] = OccurredAt;
        return row;
    }
}
