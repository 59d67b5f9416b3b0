using Radikalisering.Disclosure;

namespace Radikalisering.Tests.Disclosure;

/// <summary>
/// An intruder written independently of the engine: enumerates every non-negative integer cube (cells up to a
/// bound) that agrees with every published figure, and for each intruder (knowing no record, or one record in
/// a non-empty cell) records the range of the others' records in a chosen set of cube cells.
/// </summary>
internal sealed class BruteForceAttacker
{
    private readonly int cellCount;
    private readonly List<(int[] Support, long Value)> published = [];
    private readonly int[] insiders;
    private readonly long bound;

    public BruteForceAttacker(Cube cube, DisclosureResult result, long bound)
    {
        cellCount = cube.Dimensions.Aggregate(1, (product, dimension) => product * dimension.Categories.Count);
        this.bound = bound;
        foreach (var table in result.Tables)
        {
            foreach (var cell in table.Cells.Where(cell => cell.Value is not null))
            {
                published.Add((Support(cube, table.Definition, cell.Categories), cell.Value!.Value));
            }
        }

        insiders = Enumerable.Range(0, cellCount).Where(cell => CountAt(cube, cell) > 0).ToArray();
    }

    /// <summary>The cube cells that a table cell sums.</summary>
    public static int[] Support(Cube cube, TableDefinition table, IReadOnlyList<string> categories)
    {
        var cells = cube.Dimensions.Aggregate(1, (product, dimension) => product * dimension.Categories.Count);
        return Enumerable.Range(0, cells)
            .Where(cell => table.Dimensions.Select((name, position) => (name, position))
                .All(pair => CategoryName(cube, cell, pair.name) == categories[pair.position]))
            .ToArray();
    }

    public static long CountAt(Cube cube, int cell) => cube[Coordinates(cube, cell)];

    /// <summary>
    /// For every target and intruder (null = none), the smallest and largest count of the others' records;
    /// null when the enumeration would visit more than <paramref name="budget"/> partial cubes.
    /// </summary>
    public Dictionary<(int Target, int? Insider), (long Minimum, long Maximum)>? Ranges(IReadOnlyList<int[]> targets, long budget = 300_000)
    {
        var visited = 0L;
        var ranges = new Dictionary<(int, int?), (long, long)>();
        var lastUse = new int[published.Count];
        for (var p = 0; p < published.Count; p++)
        {
            lastUse[p] = published[p].Support.Length == 0 ? -1 : published[p].Support.Max();
        }

        var covering = Enumerable.Range(0, cellCount).Select(cell => Enumerable.Range(0, published.Count).Where(p => published[p].Support.Contains(cell)).ToArray()).ToArray();
        var remaining = published.Select(p => p.Value).ToArray();
        var values = new long[cellCount];

        void Record()
        {
            for (var t = 0; t < targets.Count; t++)
            {
                var sum = targets[t].Sum(cell => values[cell]);
                Update((t, null), sum);
                foreach (var insider in insiders.Where(cell => values[cell] >= 1))
                {
                    Update((t, insider), sum - (targets[t].Contains(insider) ? 1 : 0));
                }
            }
        }

        void Update((int, int?) key, long value) =>
            ranges[key] = ranges.TryGetValue(key, out var range) ? (Math.Min(range.Item1, value), Math.Max(range.Item2, value)) : (value, value);

        bool Visit(int cell)
        {
            if (++visited > budget)
            {
                return false;
            }

            if (cell == cellCount)
            {
                Record();
                return true;
            }

            var high = covering[cell].Select(p => remaining[p]).Append(bound).Min();
            var low = 0L;
            foreach (var p in covering[cell].Where(p => lastUse[p] == cell))
            {
                low = Math.Max(low, remaining[p]);
                high = Math.Min(high, remaining[p]);
            }

            for (var value = low; value <= high; value++)
            {
                values[cell] = value;
                foreach (var p in covering[cell])
                {
                    remaining[p] -= value;
                }

                var completed = Visit(cell + 1);
                foreach (var p in covering[cell])
                {
                    remaining[p] += value;
                }

                if (!completed)
                {
                    return false;
                }
            }

            return true;
        }

        return Visit(0) ? ranges : null;
    }

    private static int[] Coordinates(Cube cube, int cell)
    {
        var coordinates = new int[cube.Dimensions.Count];
        for (var d = cube.Dimensions.Count - 1; d >= 0; d--)
        {
            coordinates[d] = cell % cube.Dimensions[d].Categories.Count;
            cell /= cube.Dimensions[d].Categories.Count;
        }

        return coordinates;
    }

    private static string CategoryName(Cube cube, int cell, string dimensionName)
    {
        var d = cube.Dimensions.Select(dimension => dimension.Name).ToList().IndexOf(dimensionName);
        return cube.Dimensions[d].Categories[Coordinates(cube, cell)[d]];
    }
}
