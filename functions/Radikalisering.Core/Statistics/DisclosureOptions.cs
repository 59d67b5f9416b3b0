using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;
using Radikalisering.Disclosure;

namespace Radikalisering.Core.Statistics;

/// <summary>
/// The <c>Disclosure</c> configuration section: the threshold k and the published tables. A
/// table is written as its dimensions joined by <c>,</c> (e.g. <c>age,outcome</c>); <c>total</c>
/// is the grand total. Leaving <see cref="Tables"/> empty publishes <see cref="DefaultTables"/>.
/// </summary>
public sealed class DisclosureOptions : IValidatableObject
{
    public const string SectionName = "Disclosure";
    public const string GrandTotal = "total";

    public static IReadOnlyList<string> DefaultTables { get; } =
        [GrandTotal, "age", "reporter", "outcome", "age,outcome", "reporter,outcome"];

    /// <summary>
    /// The key figures leadership reads first (the number of minors, the number confirmed) are withheld last: a
    /// one-way table withholds its other categories together before these.
    /// </summary>
    public static IReadOnlyList<CellCost> KeyFigureCosts { get; } =
    [
        new("age", ConcernDimensions.Under18, 2 * DisclosureSettings.DefaultOneWayCost),
        new("outcome", "confirmed", 2 * DisclosureSettings.DefaultOneWayCost),
    ];

    /// <summary>Cells with 1 ≤ n &lt; k are sensitive. Never below 3.</summary>
    [Range(3, 1000)]
    public int Threshold { get; set; } = 5;

    /// <summary>What is published for a year whose grand total is itself below the threshold.</summary>
    public SmallTotalPolicy SmallTotal { get; set; } = SmallTotalPolicy.SuppressEverything;

    [SuppressMessage("Usage", "CA2227:Collection properties should be read only", Justification = "Bound from configuration.")]
    public IList<string> Tables { get; set; } = [];

    /// <summary>The published tables, each as its list of dimensions (empty = grand total).</summary>
    public IReadOnlyList<IReadOnlyList<string>> PublishedTables =>
        (Tables.Count == 0 ? DefaultTables : Tables.ToList()).Select(ParseTable).ToList();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var table in Tables)
        {
            var dimensions = ParseTable(table);
            if (dimensions.Any(dimension => !ConcernDimensions.Names.Contains(dimension))
                || dimensions.Distinct(StringComparer.Ordinal).Count() != dimensions.Count)
            {
                yield return new ValidationResult(
                    $"Disclosure:Tables entry '{table}' must be '{GrandTotal}' or distinct dimensions among {string.Join(", ", ConcernDimensions.Names)}.",
                    [nameof(Tables)]);
            }
        }
    }

    private static IReadOnlyList<string> ParseTable(string table) =>
        string.Equals(table.Trim(), GrandTotal, StringComparison.OrdinalIgnoreCase)
            ? []
            : table.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
