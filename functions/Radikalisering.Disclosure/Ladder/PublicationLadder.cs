namespace Radikalisering.Disclosure;

/// <summary>
/// Every publication the engine may choose for a given set of linked tables, fixed in advance and tried cheapest
/// first. The grand total is always printed. A one-way table is printed whole, or with a group of its least
/// valuable categories withheld together (two, then three, … up to all of them: a single withheld cell would
/// follow from the total). A table of two or more dimensions is printed whole or withheld whole, and is printed
/// only together with every table it adds up to. The same tables always give the same levels in the same order,
/// so an intruder who replays the method knows them too. A republication's ladder (<see cref="ForRepublication"/>)
/// keeps only the levels that withhold every cell the earlier publication withheld, and admits a level only if every
/// figure it prints again is unchanged or moved by k or more: both depend on the earlier figures, which are public.
/// </summary>
internal sealed class PublicationLadder
{
    /// <summary>More combinations than this are not laddered; the engine refuses such requests.</summary>
    public const int LargestLadder = 4096;

    private readonly LinkedTables tables;
    private readonly int threshold;
    private readonly int[][] oneWayCellsByDimension;
    private readonly int grandTotal;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(int Level, long Total), AdmissionCondition[]> conditions = new();

    private PublicationLadder(LinkedTables tables, int threshold, IReadOnlyList<PublicationLevel> levels, long?[] earlier)
    {
        this.tables = tables;
        this.threshold = threshold;
        Levels = levels;
        Earlier = earlier;
        grandTotal = tables.Cells.FirstOrDefault(cell => cell.IsGrandTotal)?.Index ?? -1;
        oneWayCellsByDimension = [.. tables.Cube.Dimensions.Select(dimension => OneWayTable(tables, dimension.Name) is { } t ? tables.CellsOf(t).Select(cell => cell.Index).ToArray() : [])];
    }

    public IReadOnlyList<PublicationLevel> Levels { get; }

    public LinkedTables Tables => tables;

    public int Threshold => threshold;

    /// <summary>The figures an earlier publication of the same period printed, by table cell index; all null for a first publication.</summary>
    public long?[] Earlier { get; }

    /// <summary>
    /// The ladder for republishing after <paramref name="earlier"/>: the levels withholding every cell in
    /// <paramref name="withheldEarlier"/>, in the same order. Null when none is left (the earlier publication withheld
    /// the grand total, which every level prints). When the total has moved by 1 to k − 1 since, only the total alone is
    /// left: a few records added or removed would otherwise show in which printed figures are withheld again (those they
    /// moved), so the choice must not depend on which cells they joined.
    /// </summary>
    public PublicationLadder? ForRepublication(long?[] earlier, bool[] withheldEarlier, long total)
    {
        var fewMoved = TotalMovedByLessThanThreshold(earlier, total);
        var levels = Levels
            .Where(level => Enumerable.Range(0, withheldEarlier.Length).All(index => !withheldEarlier[index] || !level.Published[index]))
            .Where(level => !fewMoved || Enumerable.Range(0, level.Published.Length).All(index => index == grandTotal || !level.Published[index]))
            .Select((level, index) => level with { Index = index })
            .ToArray();
        return levels.Length == 0 ? null : new PublicationLadder(tables, threshold, levels, earlier);
    }

    /// <summary>Whether the earlier publication printed a total from which <paramref name="total"/> moved by 1 to k − 1.</summary>
    public bool TotalMovedByLessThanThreshold(long?[] earlier, long total) =>
        grandTotal >= 0 && earlier[grandTotal] is { } before && Math.Abs(total - before) is var moved && moved >= 1 && moved < threshold;

    /// <summary>The ladder for these tables, or null when they have no grand total or too many combinations.</summary>
    public static PublicationLadder? TryBuild(LinkedTables tables, DisclosureSettings settings)
    {
        if (!tables.Cells.Any(cell => cell.IsGrandTotal))
        {
            return null;
        }

        var options = tables.Tables.Select((table, t) => Options(tables, t, settings)).ToArray();
        if (options.Aggregate(1L, (product, list) => product * list.Count) > LargestLadder)
        {
            return null;
        }

        var combinations = options.Aggregate(
            new[] { Array.Empty<int>() }.AsEnumerable(),
            (prefixes, list) => prefixes.SelectMany(prefix => Enumerable.Range(0, list.Count).Select(choice => (int[])[.. prefix, choice])));
        var levels = combinations
            .Select(choice => Level(tables, options, choice, settings))
            .Where(level => level is not null)
            .Select(level => level!)
            .OrderBy(level => level.Cost)
            .Select((level, index) => level with { Index = index })
            .ToArray();
        return new PublicationLadder(tables, settings.Threshold, levels, new long?[tables.Cells.Count]);
    }

    /// <summary>
    /// What the year must satisfy for the level to be used: every printed cell at least k (zeros are small too,
    /// so a withheld cell never says "not zero"); a printed margin of a withheld two-way table at least k + 1;
    /// every withheld group of a one-way table at least k + 1 in sum; and in a withheld two-way table, or a
    /// cross-classification the tables imply without printing it, whose two margins are printed, margins that do not
    /// force a cell to hold 1 to k − 1: row + column − total, the least the cell can hold, is not between 1 and k − 1. In a republication, every printed figure printed earlier too
    /// (the grand total apart, which is always printed) is unchanged or moved by k or more.
    /// </summary>
    public IReadOnlyList<AdmissionCondition> Conditions(PublicationLevel level, long total) =>
        conditions.GetOrAdd((level.Index, total), _ => [.. BuildConditions(level, total)]);

    private IEnumerable<AdmissionCondition> BuildConditions(PublicationLevel level, long total)
    {
        var marginsOfHidden = new HashSet<int>();
        foreach (var (first, second) in HiddenTwoWayMargins(level))
        {
            marginsOfHidden.UnionWith(first);
            marginsOfHidden.UnionWith(second);
        }

        // The least a cross cell can hold, in a withheld two-way table or one the tables imply but never print.
        foreach (var (first, second) in HiddenTwoWayMargins(level).Concat(tables.ImpliedCrossTables.Select(cross => (cross.Rows, cross.Columns))))
        {
            foreach (var row in first.Where(index => level.Published[index]))
            {
                foreach (var column in second.Where(index => level.Published[index]))
                {
                    yield return AdmissionCondition.NotBetween([row, column], total + 1, total + threshold - 1);
                }
            }
        }

        foreach (var cell in tables.Cells.Where(cell => level.Published[cell.Index] && !cell.IsGrandTotal))
        {
            yield return AdmissionCondition.AtLeast([cell.Index], threshold + (marginsOfHidden.Contains(cell.Index) ? 1 : 0));
            if (Earlier[cell.Index] is { } before)
            {
                yield return AdmissionCondition.NotBetween([cell.Index], before + 1, before + threshold - 1);
                yield return AdmissionCondition.NotBetween([cell.Index], before - threshold + 1, before - 1);
            }
        }

        foreach (var cells in oneWayCellsByDimension.Where(cells => cells.Any(index => !level.Published[index])))
        {
            var printed = cells.Where(index => level.Published[index]).ToArray();
            yield return printed.Length == 0
                ? AdmissionCondition.AtLeast([grandTotal], threshold + 1)
                : AdmissionCondition.AtMost(printed, total - threshold - 1);
        }
    }

    private IEnumerable<(int[] First, int[] Second)> HiddenTwoWayMargins(PublicationLevel level)
    {
        for (var t = 0; t < tables.Tables.Count; t++)
        {
            var dimensions = tables.Tables[t].Dimensions;
            if (dimensions.Count != 2 || tables.CellsOf(t).Any(cell => level.Published[cell.Index]))
            {
                continue;
            }

            var first = oneWayCellsByDimension[DimensionIndex(dimensions[0])];
            var second = oneWayCellsByDimension[DimensionIndex(dimensions[1])];
            if (first.Length > 0 && second.Length > 0)
            {
                yield return (first, second);
            }
        }
    }

    private int DimensionIndex(string name) => tables.Cube.Dimensions.Select(dimension => dimension.Name).ToList().IndexOf(name);

    private static int? OneWayTable(LinkedTables tables, string dimension)
    {
        for (var t = 0; t < tables.Tables.Count; t++)
        {
            if (tables.Tables[t].Dimensions is [var only] && only == dimension)
            {
                return t;
            }
        }

        return null;
    }

    /// <summary>A table's choices, each the set of its cells withheld, cheapest first.</summary>
    private static List<int[]> Options(LinkedTables tables, int t, DisclosureSettings settings)
    {
        var table = tables.Tables[t];
        var cells = tables.CellsOf(t).ToArray();
        if (table.Dimensions.Count == 0)
        {
            return [[]];
        }

        if (table.Dimensions.Count > 1)
        {
            return [[], [.. cells.Select(cell => cell.Index)]];
        }

        // Keep the most valuable categories longest; ties keep the table's own order.
        var keepOrder = cells.OrderByDescending(cell => settings.CostOf(table, cell.Categories[0])).ThenBy(cell => cell.Index).Select(cell => cell.Index).ToArray();
        var options = new List<int[]> { Array.Empty<int>() };
        for (var withheld = 2; withheld <= keepOrder.Length; withheld++)
        {
            options.Add(keepOrder[^withheld..]);
        }

        return options;
    }

    private static PublicationLevel? Level(LinkedTables tables, List<int[]>[] options, int[] choice, DisclosureSettings settings)
    {
        var published = Enumerable.Repeat(true, tables.Cells.Count).ToArray();
        for (var t = 0; t < options.Length; t++)
        {
            foreach (var index in options[t][choice[t]])
            {
                published[index] = false;
            }
        }

        // A printed table prints every table it adds up to: those must be printed whole as well.
        for (var t = 0; t < tables.Tables.Count; t++)
        {
            var dimensions = tables.Tables[t].Dimensions;
            if (dimensions.Count < 2 || !tables.CellsOf(t).All(cell => published[cell.Index]))
            {
                continue;
            }

            for (var u = 0; u < tables.Tables.Count; u++)
            {
                if (u != t && tables.Tables[u].Dimensions.All(dimensions.Contains) && tables.CellsOf(u).Any(cell => !published[cell.Index]))
                {
                    return null;
                }
            }
        }

        var cost = tables.Cells
            .Where(cell => !published[cell.Index])
            .Sum(cell => settings.CostOf(cell.Table, cell.Categories.Count == 1 ? cell.Categories[0] : null));
        return new PublicationLevel(0, published, cost);
    }
}
