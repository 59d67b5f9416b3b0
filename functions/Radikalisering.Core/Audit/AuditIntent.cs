using Azure.Data.Tables;

namespace Radikalisering.Core.Audit;

/// <summary>
/// A change's audit entry, written as a row in the same table transaction (and partition) as the change:
/// the change and its intent commit together or not at all. The request then writes the audit row
/// (<see cref="ToEntry"/>, row id fixed by <see cref="OperationId"/>); if it cannot, <see cref="AuditIntentSweep"/>
/// does, later. So no committed change stays unaudited. Its presence also tells a retried write that
/// its own earlier attempt committed.
/// </summary>
public sealed record AuditIntent(Guid OperationId, string Who, string Action, string SubjectId, DateTimeOffset OccurredAt)
{
    /// <summary>RowKeys of intents; '~' keeps them out of the concern range, '.' is the next character after '-'.</summary>
    public const string RowKeyPrefix = "~audit-";

    public const string RowKeyPrefixEnd = "~audit.";

    public string RowKey => RowKeyOf(OperationId);

    public static string RowKeyOf(Guid operationId) => RowKeyPrefix + operationId.ToString("N");

    public AuditEntry ToEntry() =>
        new(Who, Action, SubjectId, AuditResult.Succeeded) { OperationId = OperationId, OccurredAt = OccurredAt };

    public TableEntity ToRow(string partitionKey) => new(partitionKey, RowKey)
    {
        [AuditLogColumns.Who] = Who,
        [AuditLogColumns.Action] = Action,
        [AuditLogColumns.SubjectId] = SubjectId,
        [AuditLogColumns.OccurredAt] = OccurredAt,
    };

    public static AuditIntent FromRow(TableEntity row)
    {
        return new AuditIntent(
            Guid.ParseExact(row.RowKey[RowKeyPrefix.Length..], "N"),
            row.GetString(AuditLogColumns.Who) ?? throw new InvalidDataException($"Audit intent {row.RowKey} names no caller."),
            row.GetString(AuditLogColumns.Action) ?? throw new InvalidDataException($"Audit intent {row.RowKey} names no action."),
            row.GetString(AuditLogColumns.SubjectId) ?? "",
            row.GetDateTimeOffset(AuditLogColumns.OccurredAt) ?? throw new InvalidDataException($"Audit intent {row.RowKey} has no time."));
    }
}
