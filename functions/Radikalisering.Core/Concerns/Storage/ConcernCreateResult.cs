using Radikalisering.Core.Audit;

namespace Radikalisering.Core.Concerns;

/// <summary>
/// How a create ended; <see cref="Concern"/> is set for <see cref="ConcernCreateStatus.Created"/> and
/// <see cref="ConcernCreateStatus.Replayed"/>, <see cref="Intent"/> (the audit entry committed with the
/// concern) for a create that recorded it.
/// </summary>
public sealed record ConcernCreateResult(ConcernCreateStatus Status, StoredConcern? Concern, AuditIntent? Intent);

public enum ConcernCreateStatus
{
    Created,

    /// <summary>The idempotency key was seen with the same request: the original concern, nothing new written.</summary>
    Replayed,

    /// <summary>The idempotency key was seen with a different request.</summary>
    KeyReusedForDifferentRequest,

    /// <summary>The idempotency key was seen, but its concern has since been deleted.</summary>
    OriginalDeleted,
}
