namespace Radikalisering.Disclosure;

/// <summary>A classification variable of the cube, such as age group, with its categories in display order.</summary>
public sealed record Dimension(string Name, IReadOnlyList<string> Categories)
{
    /// <summary>Value equality, comparing lists element by element.</summary>
    public bool Equals(Dimension? other) =>
        other is not null
        && string.Equals(Name, other.Name, StringComparison.Ordinal)
        && Categories.SequenceEqual(other.Categories);

    public override int GetHashCode() => HashCode.Combine(StringComparer.Ordinal.GetHashCode(Name), SequenceHash.Of(Categories));
}
