namespace Radikalisering.Disclosure;

/// <summary>A table as published: every cell of the marginal, row-major in the definition's dimension order.</summary>
public sealed record PublishedTable(TableDefinition Definition, IReadOnlyList<PublishedCell> Cells)
{
    /// <summary>Value equality, comparing lists element by element.</summary>
    public bool Equals(PublishedTable? other) =>
        other is not null
        && Equals(Definition, other.Definition)
        && Cells.SequenceEqual(other.Cells);

    public override int GetHashCode() => HashCode.Combine(Definition, SequenceHash.Of(Cells));
}
