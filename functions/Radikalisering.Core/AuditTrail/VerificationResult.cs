namespace Radikalisering.Core.AuditTrail;

/// <summary>
/// What <see cref="AuditTrailVerifier"/> found for a period: how much it checked, the first broken link, if any,
/// and (when the links hold) the operation ids of events the trail holds more than once, of <c>AuditLog</c> rows
/// the trail lacks and of trail records the table lacks.
/// </summary>
public sealed record VerificationResult(DateOnly From, DateOnly To, int Blobs, long Records, BrokenLink? FirstBrokenLink)
{
    public IReadOnlyList<Guid> Duplicates { get; init; } = [];

    public IReadOnlyList<Guid> MissingFromTrail { get; init; } = [];

    public IReadOnlyList<Guid> MissingFromAuditLog { get; init; } = [];

    public bool Intact => FirstBrokenLink is null && Duplicates.Count == 0 && MissingFromTrail.Count == 0 && MissingFromAuditLog.Count == 0;
}

/// <summary>
/// The first line of a blob that does not hold: <see cref="Line"/> counts from 1.
/// <see cref="Reason"/> is one of <see cref="BrokenLinkReasons"/>.
/// </summary>
public sealed record BrokenLink(string Blob, long Line, string Reason);

/// <summary>Why a line breaks the chain.</summary>
public static class BrokenLinkReasons
{
    /// <summary>The line is not <c>{hash} {record}</c>: written by something else, or cut.</summary>
    public const string Malformed = "malformed";

    /// <summary>The record's hash is not the one stated: the entry was changed.</summary>
    public const string HashMismatch = "hash-mismatch";

    /// <summary>The record does not follow the one before it: a record was deleted, inserted or moved.</summary>
    public const string PreviousHashMismatch = "previous-hash-mismatch";

    /// <summary>The record's number is not one more than the previous one's.</summary>
    public const string SequenceMismatch = "sequence-mismatch";

    /// <summary>The blob does not end with a complete line.</summary>
    public const string Truncated = "truncated";
}
