using System.Collections.Concurrent;

namespace Radikalisering.Disclosure;

/// <summary>
/// The replay gate's question for one pooled level, over the stacked cube. Candidates print every year's figures and
/// the level's pooled figures, fail one condition of every cheaper pooled level, and reproduce every year's own
/// publication (fail one condition of each cheaper level of that year's ladder; no year is withheld whole, those are
/// never pooled). Targets: every withheld cell and line of every year and of the pooled tables (the promise as for one
/// year, implied cross-classifications included).
/// </summary>
internal sealed class PooledQuestion(StackedTables tables, PublicationLadder pooledLadder, IReadOnlyList<YearInPool> years, ConcurrentDictionary<string, bool> yearEscapes)
{
    private readonly int threshold = pooledLadder.Threshold;

    public GateVerdict Gate(PublicationLevel level, long?[] pooledPrinted, CancellationToken cancellationToken)
    {
        if (ReplayGate.PassedOver(pooledLadder, level, pooledPrinted) is not { } pooledPassedOver)
        {
            return new GateVerdict(Passed: false, InsidersExcluded: false);
        }

        var passedOver = pooledPassedOver.Select(conditions => Mapped(conditions, tables.PooledIndex))
            .Concat(years.SelectMany((year, y) => YearPassedOver(year, y)))
            .ToList();
        return ReplayGate.Check(tables.Stacked, threshold, Printed(pooledPrinted), passedOver, Targets(level, pooledPrinted, cancellationToken), PooledTotal(pooledPrinted), cancellationToken);
    }

    /// <summary>Each withheld pooled cell's exact range given everything printed (the years' figures and the level's).</summary>
    public AuditRanges Ranges(PublicationLevel level, long?[] pooledPrinted, CancellationToken cancellationToken)
    {
        var printed = Printed(pooledPrinted);
        var view = new IntruderView(tables.Stacked, [.. printed.Select(value => value is null)], PooledTotal(pooledPrinted) + 1);
        (long Minimum, long Maximum)[] intervals = [.. tables.Pooled.Cells
            .Where(cell => !level.Published[cell.Index])
            .Select(cell => view.Interval(tables.Stacked.Cells[tables.PooledIndex[cell.Index]].Support, cancellationToken))];
        return new AuditRanges(intervals, view.Exact);
    }

    private long PooledTotal(long?[] pooledPrinted) => pooledPrinted[tables.Pooled.Cells.First(cell => cell.IsGrandTotal).Index]!.Value;

    private long?[] Printed(long?[] pooledPrinted)
    {
        var printed = new long?[tables.Stacked.Cells.Count];
        for (var y = 0; y < years.Count; y++)
        {
            for (var index = 0; index < years[y].Printed.Length; index++)
            {
                printed[tables.YearIndex[y][index]] = years[y].Printed[index];
            }
        }

        for (var index = 0; index < pooledPrinted.Length; index++)
        {
            printed[tables.PooledIndex[index]] = pooledPrinted[index];
        }

        return printed;
    }

    private IEnumerable<AdmissionCondition[]> YearPassedOver(YearInPool year, int y) =>
        year.PassedOver!.Select(conditions => Mapped(conditions, tables.YearIndex[y]));

    private static AdmissionCondition[] Mapped(AdmissionCondition[] conditions, int[] index) =>
        [.. conditions.Select(condition => condition with { Cells = [.. condition.Cells.Select(cell => index[cell])] })];

    /// <summary>The targets, those most likely to fail first (the pooled cells); duplicates once.</summary>
    private IEnumerable<GateTarget> Targets(PublicationLevel level, long?[] pooledPrinted, CancellationToken cancellationToken)
    {
        var everyCell = Enumerable.Range(0, tables.Stacked.Cube.CellCount).ToArray();
        var pooled = ReplayGate.Targets(tables.Pooled, level.Published, pooledLadder.Earlier)
            .Select(target => target.Mapped(tables.PooledCubeCell) with { InsidersNotAsked = PooledTotal(pooledPrinted) <= threshold ? everyCell : [] });
        var printedYears = years.SelectMany((year, y) => PrintedYearTargets(year, y, cancellationToken));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return pooled.Concat(printedYears).Where(target => seen.Add(target.Key));
    }

    /// <summary>
    /// The promise for a year's own withheld cells and lines, where only the year's own figures may rule out the small
    /// side (see <see cref="GateTarget.OwnEscape"/>). An insider of a year whose printed total is k already knows the
    /// rest of it is k − 1 (that year's revelation), and is not asked about it.
    /// </summary>
    private IEnumerable<GateTarget> PrintedYearTargets(YearInPool year, int y, CancellationToken cancellationToken)
    {
        var total = year.Printed[tables.Years[y].Cells.First(cell => cell.IsGrandTotal).Index]!.Value;
        var notAsked = total <= threshold ? tables.CubeCellsOf(y) : [];
        var cells = tables.Years[y].Cube.CellCount;
        var escape = new YearEscape(tables.Years[y], year.Printed, threshold, yearEscapes);
        int[] InYear(int[] known) => [.. known.Where(cell => cell / cells == y).Select(cell => cell % cells)];
        return ReplayGate.Targets(tables.Years[y], year.Level!.Published, new long?[year.Printed.Length])
            .Select(target => target.Mapped(cubeCell => tables.YearCubeCell(y, cubeCell)) with
            {
                InsidersNotAsked = notAsked,
                OwnEscape = (known, shift) => escape.NoSmall(target.Kind, target.Support, InYear(known), shift, cancellationToken),
            });
    }
}
