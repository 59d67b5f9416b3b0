namespace Radikalisering.Disclosure;

/// <summary>
/// One year of a pooled period: its cube as it is now, and what its own latest publication printed (cells withheld
/// where Value is null; every cell withheld when the whole year was withheld).
/// </summary>
public sealed record PooledYear(int Year, Cube Cube, IReadOnlyList<PublishedTable> Publication);
