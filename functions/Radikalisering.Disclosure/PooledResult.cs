namespace Radikalisering.Disclosure;

/// <summary>The outcome, and when <see cref="PooledOutcome.Published"/> the pooled tables as they may be printed with their audit.</summary>
public sealed record PooledResult(PooledOutcome Outcome, DisclosureResult? Publication);
