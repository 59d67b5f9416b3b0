namespace Radikalisering.Core.Concerns;

/// <summary>
/// One page of a year's concerns; pass <paramref name="ContinuationToken"/> back for the next, null at the end.
/// <paramref name="Unreadable"/> lists the page's rows that could not be read (normally none).
/// </summary>
public sealed record ConcernPage(IReadOnlyList<ConcernView> Items, IReadOnlyList<UnreadableConcern> Unreadable, string? ContinuationToken);
