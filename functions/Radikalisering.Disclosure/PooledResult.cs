namespace Radikalisering.Disclosure;

/// <summary>The outcome, and when <see cref="PooledOutcome.Published"/> the pooled tables as they may be printed with their audit.</summary>
public sealed record PooledResult(PooledOutcome Outcome, DisclosureResult? Publication)
{
    /// <summary>A cheaper pooled level was passed over because its replay gate reached its work bound (docs/disclosure-control.md, "The work bound").</summary>
    public bool WorkBoundReached { get; init; }
}
