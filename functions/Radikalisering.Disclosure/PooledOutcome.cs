namespace Radikalisering.Disclosure;

/// <summary>Whether a pooled publication was made, and if not, why.</summary>
public enum PooledOutcome
{
    /// <summary>Pooled figures were chosen; at least the pooled total is printed.</summary>
    Published,

    /// <summary>No pooled figure can be printed without narrowing what the single-year publications protect.</summary>
    NothingPrintable,

    /// <summary>A year's cube no longer prints what its publication printed (records changed since): pooling it would let the difference show.</summary>
    YearChangedSincePublication,

    /// <summary>A year's publication is not one the publication ladder can make (the former engine's): the joint proof cannot replay it.</summary>
    YearNotFromLadder,
}
