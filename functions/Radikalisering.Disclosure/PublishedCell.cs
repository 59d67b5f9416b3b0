namespace Radikalisering.Disclosure;

/// <summary>One cell of a published table: categories in the table's dimension order; Value is null exactly when suppressed.</summary>
public sealed record PublishedCell(IReadOnlyList<string> Categories, long? Value, SuppressionReason? Suppression)
{
    /// <summary>Value equality, comparing lists element by element.</summary>
    public bool Equals(PublishedCell? other) =>
        other is not null
        && Categories.SequenceEqual(other.Categories)
        && Value == other.Value
        && Suppression == other.Suppression;

    public override int GetHashCode() => HashCode.Combine(SequenceHash.Of(Categories), Value, Suppression);
}
