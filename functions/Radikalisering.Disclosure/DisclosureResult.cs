namespace Radikalisering.Disclosure;

/// <summary>The tables as they may be published, the audit, and whether the whole period had to be withheld.</summary>
public sealed record DisclosureResult(IReadOnlyList<PublishedTable> Tables, DisclosureAudit Audit, bool WholePublicationSuppressed)
{
    /// <summary>Value equality, comparing lists element by element.</summary>
    public bool Equals(DisclosureResult? other) =>
        other is not null
        && Tables.SequenceEqual(other.Tables)
        && Equals(Audit, other.Audit)
        && WholePublicationSuppressed == other.WholePublicationSuppressed;

    public override int GetHashCode() => HashCode.Combine(SequenceHash.Of(Tables), Audit, WholePublicationSuppressed);
}
