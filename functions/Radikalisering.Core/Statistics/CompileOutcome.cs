namespace Radikalisering.Core.Statistics;

/// <summary>What compiling a year did to its snapshot.</summary>
public enum CompileOutcome
{
    /// <summary>The year had no snapshot; one was stored.</summary>
    Created,

    /// <summary>The concerns changed since the stored (not yet mailed) snapshot; it was replaced.</summary>
    Updated,

    /// <summary>The stored snapshot already holds these figures; nothing was written.</summary>
    Unchanged,

    /// <summary>The snapshot is being or has been mailed; it is never recompiled.</summary>
    AlreadySent,
}
