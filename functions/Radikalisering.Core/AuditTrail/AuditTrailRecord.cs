using Radikalisering.Core.Audit;

namespace Radikalisering.Core.AuditTrail;

/// <summary>
/// One audit entry as the trail stores it: its place in its blob's chain (<see cref="Seq"/>, from 1),
/// the audited event's operation id (<see cref="Op"/>, the id its <c>AuditLog</c> row names too; absent in
/// records written before it was added), when the event happened (<see cref="At"/>; a change completed by the
/// intent sweep lands in a later blob than its day), the entry itself (never any payload) and the hash of the
/// record before it (<see cref="Prev"/>; for the first record, the hash of the blob's name).
/// </summary>
public sealed record AuditTrailRecord(long Seq, Guid? Op, DateTimeOffset At, string Who, string Action, string? Subject, string Result, string Prev)
{
    /// <summary>The record of a stamped entry (<see cref="AuditEntry.Stamped"/>).</summary>
    public static AuditTrailRecord Of(AuditEntry entry, long seq, string prev)
    {
        if (entry is not { OperationId: { } operationId, OccurredAt: { } occurredAt })
        {
            throw new ArgumentException("Only a stamped entry (operation id and time) has a trail record.", nameof(entry));
        }

        return new AuditTrailRecord(seq, operationId, occurredAt, entry.Who, entry.Action, entry.SubjectId, entry.Result.ToString(), prev);
    }
}
