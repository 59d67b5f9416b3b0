using Radikalisering.Disclosure;

namespace Radikalisering.Tests.Disclosure;

/// <summary>
/// An intruder who replays the method on pooled years: it publishes every year cube of the given totals with
/// <see cref="DisclosureEngine.Protect"/>, pools every combination of them with <see cref="DisclosureEngine.ProtectPooled"/>,
/// groups the stacked cubes (year × cube cell) by everything printed (each year's publication and the pooled one), and
/// checks in every group, for the intruder who knows no record and for one who knows a record in any stacked cell:
/// every withheld cell of a printed year and of the pooled tables that some cube makes small could be empty and could
/// hold k or more; no line of a withheld multi-way table (within a year, within the pooled tables) is certainly all in
/// one cell; every cell of a year withheld whole (total below k) could still hold no one and could still hold k − 1
/// (k − 2 besides an insider's record in that year). Written without the engine's auditor: it sums the cubes itself.
/// </summary>
internal sealed class PooledReplayAttacker
{
    private readonly DisclosureEngine engine;
    private readonly Dimension[] dimensions;
    private readonly IReadOnlyList<TableDefinition> tables;
    private readonly DisclosureSettings settings;
    private readonly int yearCount;
    private readonly int cellCount;
    private readonly int[][][] supports;
    private readonly int[][][] lines;

    public PooledReplayAttacker(DisclosureEngine engine, Dimension[] dimensions, IReadOnlyList<TableDefinition> tables, DisclosureSettings settings, int yearCount)
    {
        this.engine = engine;
        this.dimensions = dimensions;
        this.tables = tables;
        this.settings = settings;
        this.yearCount = yearCount;
        cellCount = dimensions.Aggregate(1, (product, dimension) => product * dimension.Categories.Count);
        var shape = new Cube(dimensions, new long[cellCount]);
        supports = [.. tables.Select(table => ReplayAttacker.Categories(shape, table).Select(categories => BruteForceAttacker.Support(shape, table, categories)).ToArray())];
        lines = [.. tables.Select(table => ReplayAttacker.Lines(shape, table))];
    }

    /// <summary>How many stacked cubes and groups the last call replayed, and how many groups printed pooled figures.</summary>
    public (int Cubes, int Groups, int PooledGroups) Counts { get; private set; }

    /// <summary>
    /// Every way the promise breaks among the stacked cubes whose every year has a total in <paramref name="totals"/>.
    /// Given an earlier period (each year's earlier publication and the earlier pooled one), every year is republished
    /// after its own and the period after the earlier pooled publication; then also every withheld pooled figure printed
    /// earlier must have been able to move by k or more whenever some cube moves it by 1 to k − 1, and a pooled total
    /// moved by 1 to k − 1 must be reported.
    /// </summary>
    public IReadOnlyList<string> Breaches(IEnumerable<int> totals, EarlierPeriod? earlier = null)
    {
        var counts = totals.SelectMany(total => ReplayAttacker.Compositions(total, cellCount)).ToArray();
        var published = Enumerable.Range(0, yearCount)
            .Select(y => counts.Select(cube => engine.Protect(new DisclosureRequest(new Cube(dimensions, cube), tables, settings, earlier?.Years[y]))).ToArray())
            .ToArray();
        var groups = new Dictionary<string, Group>(StringComparer.Ordinal);
        var cubes = 0;
        foreach (var combination in Combinations(counts.Length, yearCount))
        {
            var results = combination.Select((index, y) => published[y][index]).ToArray();
            var years = combination.Select((index, y) => new PooledYear(2023 + y, new Cube(dimensions, counts[index]), results[y].Tables)).ToArray();
            var pooled = engine.ProtectPooled(new PooledRequest(years, tables, settings, earlier?.Pooled));
            var key = string.Join(" / ", results.Select(ReplayAttacker.Printed).Append($"{pooled.Outcome} {(pooled.Publication is { } p ? ReplayAttacker.Printed(p) : "")}"));
            if (!groups.TryGetValue(key, out var group))
            {
                group = groups[key] = new Group(key, pooled, Targets(results, pooled, earlier?.Pooled), yearCount * cellCount, settings.Threshold, ReplayAttacker.TotalOf(earlier?.Pooled));
            }

            group.Add([.. combination.SelectMany(index => counts[index])]);
            cubes++;
        }

        Counts = (cubes, groups.Count, groups.Values.Count(group => group.Pooled.Publication is not null));
        return [.. groups.Values.SelectMany(group => group.Breaches())];
    }

    /// <summary>Publishes one period: every year by itself, then pooled; its publications serve as an earlier period.</summary>
    public EarlierPeriod Publish(params long[][] years)
    {
        var pooledYears = years.Select((cube, y) => new PooledYear(2023 + y, new Cube(dimensions, cube), engine.Protect(new DisclosureRequest(new Cube(dimensions, cube), tables, settings)).Tables)).ToArray();
        var pooled = engine.ProtectPooled(new PooledRequest(pooledYears, tables, settings));
        return new EarlierPeriod([.. pooledYears.Select(year => year.Publication)], pooled.Publication?.Tables);
    }

    private List<Target> Targets(DisclosureResult[] years, PooledResult pooled, IReadOnlyList<PublishedTable>? earlierPooled)
    {
        var threshold = settings.Threshold;
        var targets = new List<Target>();
        for (var y = 0; y < years.Length; y++)
        {
            var year = y;
            int[] InYear(int[] support) => [.. support.Select(cell => (year * cellCount) + cell)];
            var yearCells = InYear([.. Enumerable.Range(0, cellCount)]);
            if (years[y].WholePublicationSuppressed)
            {
                targets.AddRange(Cells(years[y], withheldOnly: false).Select(cell => new Target($"year {y} {cell.Name}", InYear(cell.Support), Line: null, TargetRule.BelowThreshold, yearCells, NotAsked: [])));
                continue;
            }

            var totalIsK = years[y].Tables.Single(table => table.Definition.Dimensions.Count == 0).Cells[0].Value == threshold;
            targets.AddRange(Promise(years[y], InYear, totalIsK ? yearCells : []).Select(target => target with { Name = $"year {y} {target.Name}" }));
        }

        if (pooled.Publication is { } publication)
        {
            var allCells = Enumerable.Range(0, yearCount * cellCount).ToArray();
            int[] Pooled(int[] support) => [.. Enumerable.Range(0, yearCount).SelectMany(y => support.Select(cell => (y * cellCount) + cell)).Order()];
            var totalIsK = publication.Tables.Single(table => table.Definition.Dimensions.Count == 0).Cells[0].Value == threshold;
            targets.AddRange(Promise(publication, Pooled, totalIsK ? allCells : []).Select(target => target with { Name = $"pooled {target.Name}" }));
            for (var t = 0; t < tables.Count; t++)
            {
                var cells = publication.Tables[t].Cells;
                for (var c = 0; c < cells.Count; c++)
                {
                    if (cells[c].Value is null && earlierPooled?[t].Cells[c].Value is { } before)
                    {
                        targets.Add(new Target($"pooled {tables[t].Name} {string.Join('/', cells[c].Categories)} (printed {before} earlier)", Pooled(supports[t][c]), Line: null, TargetRule.Change, [], [], before));
                    }
                }
            }
        }

        return targets;
    }

    private IEnumerable<(string Name, int[] Support)> Cells(DisclosureResult result, bool withheldOnly)
    {
        for (var t = 0; t < tables.Count; t++)
        {
            var cells = result.Tables[t].Cells;
            for (var c = 0; c < cells.Count; c++)
            {
                if (!withheldOnly || cells[c].Value is null)
                {
                    yield return ($"{tables[t].Name} {string.Join('/', cells[c].Categories)}", supports[t][c]);
                }
            }
        }
    }

    private IEnumerable<Target> Promise(DisclosureResult result, Func<int[], int[]> map, int[] notAsked)
    {
        foreach (var (name, support) in Cells(result, withheldOnly: true))
        {
            yield return new Target(name, map(support), Line: null, TargetRule.Promise, [], notAsked);
        }

        for (var t = 0; t < tables.Count; t++)
        {
            var cells = result.Tables[t].Cells;
            if (tables[t].Dimensions.Count < 2 || cells.Any(cell => cell.Value is not null))
            {
                continue;
            }

            foreach (var line in lines[t])
            {
                foreach (var c in line)
                {
                    var rest = line.Where(other => other != c).SelectMany(other => supports[t][other]).ToArray();
                    yield return new Target($"{tables[t].Name} rest of a line beside {string.Join('/', cells[c].Categories)}", map(rest), map([.. line.SelectMany(other => supports[t][other])]), TargetRule.Promise, [], notAsked);
                }
            }
        }
    }

    private static IEnumerable<int[]> Combinations(int choices, int length)
    {
        var current = new int[length];
        IEnumerable<int[]> Fill(int position)
        {
            if (position == length)
            {
                yield return (int[])current.Clone();
                yield break;
            }

            for (var choice = 0; choice < choices; choice++)
            {
                current[position] = choice;
                foreach (var combination in Fill(position + 1))
                {
                    yield return combination;
                }
            }
        }

        return Fill(0);
    }

    private enum TargetRule
    {
        /// <summary>Small in some cube: then empty in some and k or more in some (a line: k or more outside the cell in some).</summary>
        Promise,

        /// <summary>A cell of a year withheld whole: 0 and k − 1 (k − 2 besides an insider's record in that year) both possible.</summary>
        BelowThreshold,

        /// <summary>A withheld pooled figure printed earlier: if it moved by 1 to k − 1 in some cube, it moved by k or more in some.</summary>
        Change,
    }

    /// <param name="YearCells">For BelowThreshold, the stacked cells of the year.</param>
    /// <param name="NotAsked">Stacked cells whose insider is not asked (their year's, or the pooled, printed total is k: a reported revelation).</param>
    /// <param name="Earlier">For Change, the figure printed earlier.</param>
    private sealed record Target(string Name, int[] Support, int[]? Line, TargetRule Rule, int[] YearCells, int[] NotAsked, long Earlier = 0);

    private sealed class Group(string key, PooledResult pooled, List<Target> targets, int cells, int threshold, long? totalBefore)
    {
        private readonly bool[] changeAtRisk = new bool[targets.Count];
        private readonly bool[] canMoveByThreshold = new bool[targets.Count];

        private readonly IntruderRanges ranges = new(targets.Count, cells);

        public PooledResult Pooled => pooled;

        public void Add(long[] counts)
        {
            for (var t = 0; t < targets.Count; t++)
            {
                var target = targets[t];
                var sum = 0L;
                foreach (var cell in target.Support)
                {
                    sum += counts[cell];
                }

                if (target.Rule == TargetRule.Change)
                {
                    var moved = Math.Abs(sum - target.Earlier);
                    changeAtRisk[t] |= moved >= 1 && moved < threshold;
                    canMoveByThreshold[t] |= moved >= threshold;
                    continue;
                }

                ranges.Add(t, counts, sum, target.Support, target.Line, threshold, target.NotAsked);
            }
        }

        public IEnumerable<string> Breaches()
        {
            if (pooled.Publication is { } publication)
            {
                if (!publication.Audit.Passed)
                {
                    yield return $"{key}: the pooled publication does not pass its audit";
                }

                if (publication.Tables.Single(table => table.Definition.Dimensions.Count == 0).Cells[0].Value == threshold
                    && !publication.Audit.Revelations.Contains(Revelation.OthersBelowThresholdForInsiders))
                {
                    yield return $"{key}: the pooled audit does not report what an insider learns when the pooled total is k";
                }

                if (totalBefore is { } before && Math.Abs(publication.Tables.Single(table => table.Definition.Dimensions.Count == 0).Cells[0].Value!.Value - before) is >= 1 and var moved && moved < threshold
                    && !publication.Audit.Revelations.Contains(Revelation.TotalMovedByLessThanThreshold))
                {
                    yield return $"{key}: the pooled audit does not report that the pooled total moved by less than k since {before}";
                }
            }

            for (var t = 0; t < targets.Count; t++)
            {
                if (targets[t].Rule == TargetRule.Change && changeAtRisk[t] && !canMoveByThreshold[t])
                {
                    yield return $"{key}: {targets[t].Name} certainly moved by less than k";
                }
            }

            for (var t = 0; t < targets.Count; t++)
            {
                for (var i = 0; i <= cells; i++)
                {
                    if (targets[t].Rule == TargetRule.Change || !ranges.Seen(t, i))
                    {
                        continue;
                    }

                    var who = i == 0 ? "an outsider" : $"an insider in stacked cell {i - 1}";
                    if (targets[t].Rule == TargetRule.BelowThreshold)
                    {
                        var reach = threshold - 1 - (i > 0 && targets[t].YearCells.Contains(i - 1) ? 1 : 0);
                        if (ranges.Minimum(t, i) > 0 || ranges.Maximum(t, i) < reach)
                        {
                            yield return $"{key}: {targets[t].Name} (year under k) is {ranges.Range(t, i)} for {who}";
                        }

                        continue;
                    }

                    if (ranges.BreaksPromise(t, i, targets[t].Line is not null, threshold))
                    {
                        yield return $"{key}: {targets[t].Name} is {ranges.Range(t, i)} for {who}";
                    }
                }
            }
        }
    }
}

/// <summary>What an earlier period printed: each year's publication and the pooled one (null when none was printed).</summary>
internal sealed record EarlierPeriod(IReadOnlyList<PublishedTable>[] Years, IReadOnlyList<PublishedTable>? Pooled);
