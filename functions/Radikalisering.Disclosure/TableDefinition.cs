namespace Radikalisering.Disclosure;

/// <summary>A published table: the marginal of the cube over the named dimensions, in that order. No dimensions means the grand total.</summary>
public sealed record TableDefinition(string Name, IReadOnlyList<string> Dimensions)
{
    /// <summary>Value equality, comparing lists element by element.</summary>
    public bool Equals(TableDefinition? other) =>
        other is not null
        && string.Equals(Name, other.Name, StringComparison.Ordinal)
        && Dimensions.SequenceEqual(other.Dimensions);

    public override int GetHashCode() => HashCode.Combine(StringComparer.Ordinal.GetHashCode(Name), SequenceHash.Of(Dimensions));
}
