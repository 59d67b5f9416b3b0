namespace Radikalisering.Core.Concerns;

/// <summary>One page of a year's concerns; pass <paramref name="ContinuationToken"/> back for the next, null at the end.</summary>
public sealed record ConcernPage(IReadOnlyList<ConcernView> Items, string? ContinuationToken);
