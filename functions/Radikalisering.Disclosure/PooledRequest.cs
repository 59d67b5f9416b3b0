namespace Radikalisering.Disclosure;

/// <summary>
/// What to pool: the years (consecutive, oldest first; each year's own publication already made), the single-year
/// tables (the pooled tables are the same tables summed over the years), the settings, and what an earlier pooled
/// publication of the same period printed, if any (known to every intruder).
/// </summary>
public sealed record PooledRequest(
    IReadOnlyList<PooledYear> Years,
    IReadOnlyList<TableDefinition> Tables,
    DisclosureSettings Settings,
    IReadOnlyList<PublishedTable>? PreviousPublication = null);
