namespace Radikalisering.Disclosure;

/// <summary>
/// The exact range of integer values a suppressed cell can take given everything published.
/// <see cref="Maximum"/> is <see cref="long.MaxValue"/> when nothing published bounds the cell.
/// </summary>
public sealed record CellInterval(string Table, IReadOnlyList<string> Categories, long Minimum, long Maximum, bool Sensitive)
{
    /// <summary>True when no published figure bounds the cell from above.</summary>
    public bool IsUnbounded => Maximum == long.MaxValue;

    /// <summary>Value equality, comparing lists element by element.</summary>
    public bool Equals(CellInterval? other) =>
        other is not null
        && string.Equals(Table, other.Table, StringComparison.Ordinal)
        && Categories.SequenceEqual(other.Categories)
        && Minimum == other.Minimum
        && Maximum == other.Maximum
        && Sensitive == other.Sensitive;

    public override int GetHashCode() => HashCode.Combine(StringComparer.Ordinal.GetHashCode(Table), SequenceHash.Of(Categories), Minimum, Maximum, Sensitive);
}
