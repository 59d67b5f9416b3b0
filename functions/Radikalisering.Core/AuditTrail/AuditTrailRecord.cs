using Radikalisering.Core.Audit;

namespace Radikalisering.Core.AuditTrail;

/// <summary>
/// One audit entry as the trail stores it: its place in its blob's chain (<see cref="Seq"/>, from 1),
/// when, the entry itself (never any payload) and the hash of the record before it
/// (<see cref="Prev"/>; for the first record, the hash of the blob's name).
/// </summary>
public sealed record AuditTrailRecord(long Seq, DateTimeOffset At, string Who, string Action, string? Subject, string Result, string Prev)
{
    public static AuditTrailRecord Of(AuditEntry entry, long seq, DateTimeOffset at, string prev)
    {
        return new AuditTrailRecord(seq, at, entry.Who, entry.Action, entry.SubjectId, entry.Result.ToString(), prev);
    }
}
