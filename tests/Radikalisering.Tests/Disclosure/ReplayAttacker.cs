using Radikalisering.Disclosure;

namespace Radikalisering.Tests.Disclosure;

/// <summary>
/// An intruder who knows the engine, its settings and k, and replays it: it protects every cube of a given
/// total, groups the cubes by what is printed (the cubes in one group are exactly the ones an intruder cannot tell
/// apart), and checks the promise in every group, for the intruder who knows no record and for one who knows a
/// record in any cube cell. Written without the engine's auditor: it calls only <see cref="DisclosureEngine.Protect"/>
/// and sums the cube itself. Given an earlier publication of the period, it replays the republication of every cube
/// after it (no link between the earlier and the current cube is assumed) and checks as well that every withheld
/// figure printed earlier could have moved by k or more whenever some cube moves it by 1 to k − 1, that a total
/// moved by 1 to k − 1 is reported, that every republication passes its audit, and that every cube whose total moved by
/// 1 to k − 1 gets the same republication (so it cannot tell which cells the few records joined or left).
/// For the cross-classifications the tables imply without printing them (two dimensions with one-way tables and no
/// table of both), it checks for the outsider that the least a cross cell holds over a group is 0 or at least k and
/// that no line is certainly in one cell, and that what an insider learns there is declared in the audit.
/// </summary>
internal sealed class ReplayAttacker
{
    private readonly Func<DisclosureRequest, DisclosureResult> protect;
    private readonly Dimension[] dimensions;
    private readonly IReadOnlyList<TableDefinition> tables;
    private readonly DisclosureSettings settings;
    private readonly int cellCount;
    private readonly int[][][] supports;
    private readonly int[][][] lines;
    private readonly (string Name, int[][] Supports, int[][] Lines)[] implied;

    public ReplayAttacker(DisclosureEngine engine, Dimension[] dimensions, IReadOnlyList<TableDefinition> tables, DisclosureSettings settings)
    {
        protect = request => engine.Protect(request);
        this.dimensions = dimensions;
        this.tables = tables;
        this.settings = settings;
        cellCount = dimensions.Aggregate(1, (product, dimension) => product * dimension.Categories.Count);
        var shape = new Cube(dimensions, new long[cellCount]);
        supports = [.. tables.Select(table => Categories(shape, table).Select(categories => BruteForceAttacker.Support(shape, table, categories)).ToArray())];
        lines = [.. tables.Select(table => Lines(shape, table))];
        implied = [.. Implied(dimensions, tables).Select(cross => (cross.Name, Categories(shape, cross).Select(categories => BruteForceAttacker.Support(shape, cross, categories)).ToArray(), Lines(shape, cross)))];
    }

    /// <summary>Two dimensions that each have a one-way table and share no table: their cross-classification is implied, never printed.</summary>
    private static IEnumerable<TableDefinition> Implied(Dimension[] dimensions, IReadOnlyList<TableDefinition> tables)
    {
        var oneWay = dimensions.Select(dimension => dimension.Name).Where(name => tables.Any(table => table.Dimensions.SequenceEqual([name]))).ToArray();
        for (var i = 0; i < oneWay.Length; i++)
        {
            for (var j = i + 1; j < oneWay.Length; j++)
            {
                if (!tables.Any(table => table.Dimensions.Contains(oneWay[i]) && table.Dimensions.Contains(oneWay[j])))
                {
                    yield return new TableDefinition($"{oneWay[i]}×{oneWay[j]} (implied)", [oneWay[i], oneWay[j]]);
                }
            }
        }
    }

    /// <summary>Every way the promise breaks among the cubes of this total; empty when it holds.</summary>
    public IReadOnlyList<string> Breaches(int total, IReadOnlyList<PublishedTable>? earlier = null)
    {
        var groups = Replay(total, earlier).Groups;
        var breaches = groups.SelectMany(group => group.Breaches(settings.Threshold, total)).ToList();
        if (TotalOf(earlier) is { } before && Math.Abs(total - before) is var moved && moved >= 1 && moved < settings.Threshold && groups.Count > 1)
        {
            breaches.Add($"total {total}: a total moved by less than k since {before} is republished {groups.Count} ways, so the republication tells which cells moved");
        }

        return breaches;
    }

    /// <summary>Every cube of this total with its publication, and whether the intruder breaks the promise in the publication's group.</summary>
    public IReadOnlyList<(long[] Counts, DisclosureResult Result, bool Breached)> Survey(int total)
    {
        var (groups, cubes) = Replay(total, earlier: null);
        var breached = groups.ToDictionary(group => group, group => group.Breaches(settings.Threshold, total).Any());
        return [.. cubes.Select(cube => (cube.Counts, cube.Group.Result, breached[cube.Group]))];
    }

    /// <summary>The publication the engine makes of <paramref name="counts"/>, to serve as an earlier publication.</summary>
    public IReadOnlyList<PublishedTable> Publish(long[] counts) =>
        protect(new DisclosureRequest(new Cube(dimensions, counts), tables, settings)).Tables;

    private (IReadOnlyCollection<Group> Groups, List<(long[] Counts, Group Group)> Cubes) Replay(int total, IReadOnlyList<PublishedTable>? earlier)
    {
        var groups = new Dictionary<string, Group>(StringComparer.Ordinal);
        var cubes = new List<(long[] Counts, Group Group)>();
        foreach (var counts in Compositions(total, cellCount))
        {
            var result = protect(new DisclosureRequest(new Cube(dimensions, counts), tables, settings, earlier));
            var key = string.Join('|', result.Tables.Select(table => string.Join(',', table.Cells.Select(cell => cell.Value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "."))));
            if (!groups.TryGetValue(key, out var group))
            {
                group = groups[key] = new Group(result, Targets(result, earlier), cellCount, TotalOf(earlier));
            }

            group.Add(counts, settings.Threshold);
            cubes.Add((counts, group));
        }

        return (groups.Values, cubes);
    }

    /// <summary>The publication's grand total (null when there is no publication or the total is withheld).</summary>
    internal static long? TotalOf(IReadOnlyList<PublishedTable>? earlier) =>
        earlier?.Single(table => table.Definition.Dimensions.Count == 0).Cells[0].Value;

    /// <summary>Withheld cells (Low and High sides, and their change when printed earlier) and the rest of each line of a withheld multi-way table beside each of its cells.</summary>
    private List<Target> Targets(DisclosureResult result, IReadOnlyList<PublishedTable>? earlier)
    {
        var targets = new List<Target>();
        for (var t = 0; t < tables.Count; t++)
        {
            var cells = result.Tables[t].Cells;
            for (var c = 0; c < cells.Count; c++)
            {
                if (cells[c].Value is null)
                {
                    var before = earlier?.Single(table => table.Definition.Name == tables[t].Name).Cells[c].Value;
                    targets.Add(new Target($"{tables[t].Name} {string.Join('/', cells[c].Categories)}", supports[t][c], Line: null, before));
                }
            }

            if (cells.All(cell => cell.Value is null))
            {
                foreach (var line in lines[t])
                {
                    foreach (var c in line)
                    {
                        var rest = line.Where(other => other != c).SelectMany(other => supports[t][other]).ToArray();
                        targets.Add(new Target($"{tables[t].Name} rest of a line beside {string.Join('/', cells[c].Categories)}", rest, [.. line.SelectMany(other => supports[t][other])]));
                    }
                }
            }
        }

        foreach (var (name, supports, crossLines) in implied)
        {
            targets.AddRange(supports.Select((support, c) => new Target($"{name} cell {c}", support, Line: null) { Implied = true }));
            foreach (var line in crossLines)
            {
                foreach (var c in line)
                {
                    var rest = line.Where(other => other != c).SelectMany(other => supports[other]).ToArray();
                    targets.Add(new Target($"{name} rest of a line beside cell {c}", rest, [.. line.SelectMany(other => supports[other])]) { Implied = true });
                }
            }
        }

        return targets;
    }

    internal static IEnumerable<long[]> Compositions(int total, int cells)
    {
        var counts = new long[cells];
        IEnumerable<long[]> Fill(int cell, int left)
        {
            if (cell == cells - 1)
            {
                counts[cell] = left;
                yield return (long[])counts.Clone();
                yield break;
            }

            for (var value = 0; value <= left; value++)
            {
                counts[cell] = value;
                foreach (var cube in Fill(cell + 1, left - value))
                {
                    yield return cube;
                }
            }
        }

        return Fill(0, total);
    }

    internal static IReadOnlyList<string>[] Categories(Cube shape, TableDefinition table) =>
        [.. table.Dimensions.Aggregate(
            new[] { Array.Empty<string>() }.AsEnumerable(),
            (prefixes, name) => prefixes.SelectMany(prefix => shape.Dimensions.Single(dimension => dimension.Name == name).Categories.Select(category => (string[])[.. prefix, category])))];

    /// <summary>For a table of two or more dimensions, every line: the cells that differ in one dimension only.</summary>
    internal static int[][] Lines(Cube shape, TableDefinition table)
    {
        var categories = Categories(shape, table);
        if (table.Dimensions.Count < 2)
        {
            return [];
        }

        return [.. Enumerable.Range(0, table.Dimensions.Count).SelectMany(varying => Enumerable.Range(0, categories.Length)
            .GroupBy(c => string.Join('/', categories[c].Where((_, position) => position != varying)))
            .Select(group => group.ToArray()))];
    }

    /// <summary>
    /// A cube cell set whose count (minus a known record in it) must stay ambiguous; Line is set for the rest of a
    /// line; Earlier for a withheld cell printed in the earlier publication, whose change must stay ambiguous too.
    /// Implied for a cell or line of an implied cross-classification: the outsider's promise, the insiders' revelation.
    /// </summary>
    private sealed record Target(string Name, int[] Support, int[]? Line, long? Earlier = null)
    {
        public bool Implied { get; init; }
    }

    /// <summary>A publication's figures as one line of text, "." for a withheld cell: the key its cubes are grouped by.</summary>
    internal static string Printed(DisclosureResult result) =>
        string.Join(" | ", result.Tables.Select(table => string.Join(',', table.Cells.Select(cell => cell.Value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "."))));

    /// <summary>A rows × columns array with every entry set to value.</summary>
    /// <summary>The cubes printing one publication, with what each intruder can learn about each target.</summary>
    private sealed class Group(DisclosureResult result, List<Target> targets, int cellCount, long? totalBefore)
    {
        public DisclosureResult Result => result;

        private readonly IntruderRanges ranges = new(targets.Count, cellCount);
        private readonly bool[] changeAtRisk = new bool[targets.Count];
        private readonly bool[] canMoveByThreshold = new bool[targets.Count];

        public void Add(long[] counts, int threshold)
        {
            for (var t = 0; t < targets.Count; t++)
            {
                var target = targets[t];
                var sum = 0L;
                foreach (var cell in target.Support)
                {
                    sum += counts[cell];
                }

                if (target.Earlier is { } before)
                {
                    var moved = Math.Abs(sum - before);
                    changeAtRisk[t] |= moved >= 1 && moved < threshold;
                    canMoveByThreshold[t] |= moved >= threshold;
                }

                ranges.Add(t, counts, sum, target.Support, target.Line, threshold, notAsked: []);
            }
        }

        public IEnumerable<string> Breaches(int threshold, int total)
        {
            if (result.WholePublicationSuppressed)
            {
                if (!result.Audit.Revelations.Contains(Revelation.TotalBelowThreshold))
                {
                    yield return $"total {total}: a withheld year does not report that its total is below k";
                }

                yield break;
            }

            if (totalBefore is { } before && Math.Abs(total - before) is >= 1 and var moved && moved < threshold
                && !result.Audit.Revelations.Contains(Revelation.TotalMovedByLessThanThreshold))
            {
                yield return $"total {total}: the audit does not report that the total moved by less than k since {before}";
            }

            if (totalBefore is not null && !result.Audit.Passed)
            {
                yield return $"total {total}, printed {Printed(result)}: the republication does not pass its audit";
            }

            for (var t = 0; t < targets.Count; t++)
            {
                if (changeAtRisk[t] && !canMoveByThreshold[t])
                {
                    yield return $"total {total}, printed {Printed(result)}: {targets[t].Name} certainly moved by less than k since {targets[t].Earlier}";
                }
            }

            var insidersRevealed = total == threshold;
            if (insidersRevealed && !result.Audit.Revelations.Contains(Revelation.OthersBelowThresholdForInsiders))
            {
                yield return $"total {total}: the audit does not report what an insider learns when the total is k";
            }

            for (var t = 0; t < targets.Count; t++)
            {
                if (targets[t].Implied)
                {
                    foreach (var breach in ImpliedBreaches(t, threshold, insidersRevealed))
                    {
                        yield return $"total {total}, printed {Printed(result)}: {breach}";
                    }

                    continue;
                }

                for (var i = 0; i <= (insidersRevealed ? 0 : cellCount); i++)
                {
                    if (ranges.BreaksPromise(t, i, targets[t].Line is not null, threshold))
                    {
                        var who = i == 0 ? "an outsider" : $"an insider in cube cell {i - 1}";
                        yield return $"total {total}, printed {Printed(result)}: {targets[t].Name} is {ranges.Range(t, i)} for {who}";
                    }
                }
            }
        }
    
        /// <summary>
        /// An implied cross cell: the least it holds is not 1 to k − 1 for the outsider; its line is not certainly in one
        /// cell for the outsider (k or more elsewhere possible); anything an insider learns is declared.
        /// </summary>
        private IEnumerable<string> ImpliedBreaches(int t, int threshold, bool insidersRevealed)
        {
            var target = targets[t];
            if (target.Line is null && ranges.Minimum(t, 0) is >= 1 and var least && least < threshold)
            {
                yield return $"{target.Name} holds at least {least} for an outsider";
            }

            if (target.Line is not null && ranges.BreaksPromise(t, 0, isLine: true, threshold))
            {
                yield return $"{target.Name} is {ranges.Range(t, 0)} for an outsider: the line is certainly in that cell";
            }

            var insiderLearns = !insidersRevealed && Enumerable.Range(1, cellCount).Any(i => ranges.Seen(t, i) && ranges.BreaksPromise(t, i, target.Line is not null, threshold));
            if (insiderLearns && !result.Audit.Revelations.Contains(Revelation.CrossClassificationToInsiders))
            {
                yield return $"{target.Name}: an insider learns it is small or not empty, and the audit does not declare it";
            }
        }
    }
}
