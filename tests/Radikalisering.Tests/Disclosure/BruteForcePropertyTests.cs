using Radikalisering.Disclosure;

namespace Radikalisering.Tests.Disclosure;

/// <summary>
/// Seeded random years checked against <see cref="BruteForceAttacker"/>, an intruder written independently of
/// the engine: sixteen hundred small years in all.
/// </summary>
[Trait("Category", "Slow")]
public class BruteForcePropertyTests
{
    private static readonly Dimension A = new("a", ["a1", "a2"]);
    private static readonly Dimension B = new("b", ["b1", "b2", "b3"]);
    private static readonly Dimension C = new("c", ["c1", "c2"]);
    private static readonly Dimension Y = new("y", ["y1", "y2"]);

    private readonly DisclosureEngine engine = new();

    [Theory]
    [InlineData(3, 6)]
    [InlineData(5, 8)]
    public void A_brute_force_intruder_never_pins_a_withheld_small_cell_in_a_two_way_table(int threshold, int largest)
    {
        var random = new Random(threshold * 1000 + largest);
        var tables = new[] { Tables.Total, Tables.By("a"), Tables.By("b"), Tables.By("a", "b") };
        var attacked = Enumerable.Range(0, 600).Count(year => AssertBruteForceCannotPin(RandomCubes.Of(random, [A, B], largest), tables, threshold, $"year {year}"));

        Assert.True(attacked >= 560, $"only {attacked} years were small enough to enumerate");
    }

    [Theory]
    [InlineData(3, 2)]
    [InlineData(5, 3)]
    public void A_brute_force_intruder_never_pins_a_withheld_small_cell_in_linked_tables_of_a_three_way_cube(int threshold, int largest)
    {
        var random = new Random(threshold * 1000 + largest);
        var tables = new[] { Tables.Total, Tables.By("a"), Tables.By("c"), Tables.By("y"), Tables.By("a", "y"), Tables.By("c", "y") };
        var attacked = Enumerable.Range(0, 200).Count(year => AssertBruteForceCannotPin(RandomCubes.Of(random, [A, C, Y], largest), tables, threshold, $"year {year}"));

        Assert.True(attacked >= 150, $"only {attacked} years were small enough to enumerate");
    }

    /// <summary>Checks one year against the brute-force intruder; false when the year was too large to enumerate.</summary>
    private bool AssertBruteForceCannotPin(Cube cube, IReadOnlyList<TableDefinition> tables, int threshold, string because)
    {
        var result = engine.Protect(Tables.Request(cube, tables, threshold));
        if (cube.Total >= 1 && cube.Total < threshold)
        {
            Assert.True(result.WholePublicationSuppressed, because);
            return true;
        }

        Assert.True(result.Audit.Passed, because);
        var withheld = result.Tables
            .SelectMany(table => table.Cells.Where(cell => cell.Value is null).Select(cell => (table.Definition, cell.Categories)))
            .Select(pair => (pair.Definition, pair.Categories, Support: BruteForceAttacker.Support(cube, pair.Definition, pair.Categories)))
            .ToArray();
        var smallWithheld = withheld.Where(cell => cell.Support.Sum(index => BruteForceAttacker.CountAt(cube, index)) is >= 1 and var value && value < threshold).ToArray();
        var concentratedRowRests = ConcentratedRowRests(cube, tables).ToArray();
        var targets = withheld.Select(cell => cell.Support).Concat(concentratedRowRests).ToArray();

        var ranges = new BruteForceAttacker(cube, result, bound: cube.Total + threshold + 1).Ranges(targets);
        if (ranges is null)
        {
            return false;
        }

        for (var t = 0; t < withheld.Length; t++)
        {
            var interval = result.Interval(withheld[t].Definition.Name, [.. withheld[t].Categories]);
            var (minimum, maximum) = ranges[(t, null)];
            Assert.Equal(minimum, interval.Minimum);
            Assert.True(interval.IsUnbounded || interval.Maximum == maximum, $"{because}: {interval} vs brute force {maximum}");
        }

        // At a total of exactly k an insider learns that the others number k − 1; the audit says so (see the hand-worked cases).
        foreach (var (range, target) in ranges.Where(pair => cube.Total > threshold || pair.Key.Insider is null).Select(pair => (pair.Value, targets[pair.Key.Target])))
        {
            var isSmall = smallWithheld.Any(cell => cell.Support == target);
            var isRowRest = concentratedRowRests.Contains(target);
            Assert.True(!isSmall || range.Minimum <= 0, because);
            Assert.True(!(isSmall || isRowRest) || range.Maximum >= threshold, because);
        }

        return true;
    }

    /// <summary>Rows of two-way tables whose whole non-zero count sits in one cell: the cube cells of the rest of the row.</summary>
    private static IEnumerable<int[]> ConcentratedRowRests(Cube cube, IReadOnlyList<TableDefinition> tables)
    {
        foreach (var table in tables.Where(table => table.Dimensions.Count == 2))
        {
            var first = cube.Dimensions.Single(dimension => dimension.Name == table.Dimensions[0]).Categories;
            var second = cube.Dimensions.Single(dimension => dimension.Name == table.Dimensions[1]).Categories;
            var rows = first.Select(row => second.Select(column => new[] { row, column }).ToArray())
                .Concat(second.Select(column => first.Select(row => new[] { row, column }).ToArray()));
            foreach (var row in rows)
            {
                var supports = row.Select(categories => BruteForceAttacker.Support(cube, table, categories)).ToArray();
                var nonEmpty = supports.Where(support => support.Sum(index => BruteForceAttacker.CountAt(cube, index)) > 0).ToArray();
                if (nonEmpty.Length == 1)
                {
                    yield return supports.Where(support => support != nonEmpty[0]).SelectMany(support => support).ToArray();
                }
            }
        }
    }
}
