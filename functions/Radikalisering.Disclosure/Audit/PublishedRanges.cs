namespace Radikalisering.Disclosure;

/// <summary>
/// The ladder's audit: each withheld cell's exact range over the non-negative integer cubes that print the published
/// figures (the same for every such cube). The exact <see cref="CubeSearch"/> finds both ends by branch and bound; a
/// cell it gives up on is asked of CP-SAT through the <see cref="IntruderView"/>, so every range stays exact unless a
/// solve reaches its bound (<see cref="AuditRanges.Exact"/>).
/// </summary>
internal static class PublishedRanges
{
    /// <summary>Nodes the search may visit per end of a range (as for the gate's questions, <see cref="CandidateSolver.DefaultSearchNodes"/>).</summary>
    public const int DefaultSearchNodes = 500;

    /// <param name="searchNodes">The search's node budget per end; 0 asks CP-SAT for every range.</param>
    public static AuditRanges Of(LinkedTables tables, bool[] suppressed, CancellationToken cancellationToken, int searchNodes = DefaultSearchNodes)
    {
        // A cube cell in no published figure is unbounded; below this bound it can still reach whatever the others allow.
        var searchBound = tables.Cube.Total + 1;
        var published = tables.Cells.Where(cell => !suppressed[cell.Index]).ToArray();
        var highest = Enumerable.Range(0, tables.Cube.CellCount)
            .Select(cubeCell => tables.CoveringCells[cubeCell].Where(index => !suppressed[index]).Select(index => tables.Cells[index].Value).DefaultIfEmpty(searchBound).Min())
            .ToArray();
        var unbounded = Enumerable.Range(0, tables.Cube.CellCount).Select(cubeCell => tables.CoveringCells[cubeCell].All(index => suppressed[index])).ToArray();
        CubeSum[] printed = [.. published.Select(cell => CubeSum.Of(cell.Support, cell.Value, cell.Value))];
        CubeSum[] sums = [.. printed, .. CubeSum.Implied(printed, highest.Length)];
        var equalities = sums.Where(sum => sum.Lower == sum.Upper).ToArray();
        var search = new CubeSearch(new long[highest.Length], highest, sums, [], searchNodes);
        IntruderView? view = null;

        (long Minimum, long Maximum)[] intervals = [.. tables.Cells.Where(cell => suppressed[cell.Index]).Select(cell =>
            Range(search, cell.Support, equalities, unbounded, cancellationToken)
            ?? (view ??= new IntruderView(tables, suppressed, searchBound)).Interval(cell.Support, cancellationToken))];
        return new AuditRanges(intervals, view?.Exact ?? true);
    }

    /// <summary>The range found by the search (the maximum long.MaxValue when a cell of the support is unbounded), or null when it gave up.</summary>
    private static (long Minimum, long Maximum)? Range(CubeSearch search, int[] support, CubeSum[] equalities, bool[] unbounded, CancellationToken cancellationToken)
    {
        // A published figure inside the support bounds it from below, one containing it from above: the search stops as
        // soon as it meets such a bound, instead of proving it node by node.
        var least = equalities.Where(sum => sum.Cells.All(support.Contains)).Select(sum => sum.Lower).DefaultIfEmpty(0).Max();
        var most = equalities.Where(sum => support.All(sum.Cells.Contains)).Select(sum => sum.Upper).DefaultIfEmpty(long.MaxValue).Min();
        var target = CubeSum.Of(support, least, most);
        var lowest = search.Maximize(target with { Weights = [.. target.Weights.Select(weight => -weight)], Lower = most == long.MaxValue ? long.MinValue : -most, Upper = -least }, cancellationToken);
        if (lowest.Outcome != SearchOutcome.Found)
        {
            return null;
        }

        if (support.Any(cubeCell => unbounded[cubeCell]))
        {
            return (target.Value(lowest.Cube!), long.MaxValue);
        }

        var highest = search.Maximize(target, cancellationToken);
        return highest.Outcome == SearchOutcome.Found ? (target.Value(lowest.Cube!), target.Value(highest.Cube!)) : null;
    }
}
