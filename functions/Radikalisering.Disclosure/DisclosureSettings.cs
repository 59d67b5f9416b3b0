namespace Radikalisering.Disclosure;

/// <summary>
/// Threshold k: a published count n with 1 ≤ n &lt; k is sensitive. k below 3 is rejected.
/// <paramref name="Costs"/> say which figures matter most to the reader (see <see cref="CellCost"/>).
/// </summary>
public sealed record DisclosureSettings(int Threshold = 5, SmallTotalPolicy SmallTotal = SmallTotalPolicy.SuppressEverything, IReadOnlyList<CellCost>? Costs = null)
{
    /// <summary>The smallest threshold the engine accepts (Danish and Eurostat practice).</summary>
    public const int MinimumThreshold = 3;

    /// <summary>A withheld cell of a one-way table costs this much unless <see cref="Costs"/> says otherwise.</summary>
    public const long DefaultOneWayCost = 100;

    /// <summary>A withheld cell of a table of two or more dimensions costs this much unless <see cref="Costs"/> says otherwise.</summary>
    public const long DefaultMultiWayCost = 1;

    /// <summary>Value equality, comparing the cost lists element by element.</summary>
    public bool Equals(DisclosureSettings? other) =>
        other is not null
        && Threshold == other.Threshold
        && SmallTotal == other.SmallTotal
        && (Costs ?? []).SequenceEqual(other.Costs ?? []);

    public override int GetHashCode() => HashCode.Combine(Threshold, SmallTotal, SequenceHash.Of(Costs ?? []));

    /// <summary>The cost of withholding one cell of <paramref name="table"/> (category given for one-way tables).</summary>
    public long CostOf(TableDefinition table, string? category)
    {
        ArgumentNullException.ThrowIfNull(table);
        var costs = Costs ?? [];
        return costs.FirstOrDefault(cost => cost.Table == table.Name && cost.Category is not null && cost.Category == category)?.Cost
            ?? costs.FirstOrDefault(cost => cost.Table == table.Name && cost.Category is null)?.Cost
            ?? (table.Dimensions.Count == 1 ? DefaultOneWayCost : DefaultMultiWayCost);
    }
}
