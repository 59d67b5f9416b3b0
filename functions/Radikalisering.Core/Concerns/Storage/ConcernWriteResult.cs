namespace Radikalisering.Core.Concerns;

/// <summary>How an update or delete ended; <see cref="Concern"/> is the updated concern after a successful update.</summary>
public sealed record ConcernWriteResult(ConcernWriteStatus Status, StoredConcern? Concern = null);

public enum ConcernWriteStatus
{
    Done,
    NotFound,

    /// <summary>The ETag no longer matches: someone else changed the row.</summary>
    PreconditionFailed,
}
