namespace Radikalisering.Core.Concerns;

/// <summary>One page of a year as stored: the readable concerns, the damaged rows, and the Table service's continuation token.</summary>
public sealed record StoredPage(IReadOnlyList<StoredConcern> Items, IReadOnlyList<UnreadableConcern> Unreadable, string? ContinuationToken);
