namespace Radikalisering.Disclosure;

/// <summary>The proof: every suppressed cell's exact interval, and whether every protection requirement holds.</summary>
public sealed record DisclosureAudit(IReadOnlyList<CellInterval> SuppressedCells, bool Passed)
{
    /// <summary>What the publication knowingly reveals beyond the guarantee; <see cref="Passed"/> covers everything else.</summary>
    public IReadOnlyList<Revelation> Revelations { get; init; } = [];

    /// <summary>
    /// A cheaper level was passed over because its replay gate reached its work bound, or (when every cell is withheld)
    /// the last level's gate did (docs/disclosure-control.md, "The work bound").
    /// </summary>
    public bool WorkBoundReached { get; init; }

    /// <summary>
    /// False when a withheld cell's range is an outer bound rather than the exact one: its solve reached its
    /// work bound (docs/disclosure-control.md, "The work bound"). The range still holds every possible value.
    /// </summary>
    public bool RangesExact { get; init; } = true;

    /// <summary>Value equality, comparing lists element by element.</summary>
    public bool Equals(DisclosureAudit? other) =>
        other is not null
        && SuppressedCells.SequenceEqual(other.SuppressedCells)
        && Passed == other.Passed
        && WorkBoundReached == other.WorkBoundReached
        && RangesExact == other.RangesExact
        && Revelations.SequenceEqual(other.Revelations);

    public override int GetHashCode() => HashCode.Combine(SequenceHash.Of(SuppressedCells), Passed);
}
