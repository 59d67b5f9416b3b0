namespace Radikalisering.Disclosure;

/// <summary>
/// An exact search for a non-negative integer cube within per-cell bounds that meets every given sum and, for every
/// disjunction, at least one of its sums. Depth-first over the cells' ranges (halving one range at each node); every
/// node first narrows each cell's range from each sum (interval propagation) and enforces a disjunction once only one
/// of its sums can still hold. So a branch is closed only when no cube within it meets the sums: when the whole tree
/// is closed, no cube exists. The search gives up after a budget of nodes, and the caller then asks CP-SAT, so every
/// answer stays exact. On one municipality's cube most questions take a fraction of a millisecond, where a solver
/// call takes milliseconds. (Branching on the disjunctions' alternatives was tried: with up to twenty overlapping
/// disjunctions per gate question it visited far more nodes.)
/// </summary>
internal sealed class CubeSearch
{
    /// <summary>Propagation passes per node at most (a municipal year's nodes settle in a few).</summary>
    private const int LargestPasses = 50;

    private readonly long[] lowest;
    private readonly long[] highest;
    private readonly IReadOnlyList<CubeSum> sums;
    private readonly IReadOnlyList<CubeSum[]> disjunctions;
    private readonly int nodeBudget;
    private readonly List<(long[] Low, long[] High)> ranges;
    private CancellationToken cancellationToken;
    private int nodes;
    private CubeSum? objective;
    private long[]? best;

    /// <param name="lowest">Each cube cell's least value (at least 0).</param>
    /// <param name="highest">Each cube cell's greatest value.</param>
    /// <param name="nodeBudget">Nodes visited before the search gives up.</param>
    /// <param name="frames">The ranges of each depth, kept by a caller that searches the same cells many times, one search at a time.</param>
    public CubeSearch(long[] lowest, long[] highest, IReadOnlyList<CubeSum> sums, IReadOnlyList<CubeSum[]> disjunctions, int nodeBudget, List<(long[] Low, long[] High)>? frames = null)
    {
        ranges = frames ?? [];
        this.lowest = lowest;
        this.highest = highest;
        this.sums = sums;
        this.disjunctions = disjunctions;
        this.nodeBudget = nodeBudget;
    }

    private enum Step
    {
        Continue,
        Done,
        GaveUp,
    }

    /// <summary>
    /// A cube meeting everything (preferring records in many cells), none, or gave up. The cube is one of the search's
    /// ranges: the next search on the same frames overwrites it.
    /// </summary>
    public SearchResult Find(CancellationToken cancellationToken)
    {
        objective = null;
        var step = Run(cancellationToken);
        return step switch
        {
            Step.Done => new SearchResult(SearchOutcome.Found, best),
            Step.Continue => new SearchResult(SearchOutcome.NoneExists, null),
            _ => new SearchResult(SearchOutcome.OutOfBudget, null),
        };
    }

    /// <summary>
    /// A cube meeting everything with the greatest value of <paramref name="target"/> (branch and bound: each cube found
    /// raises the target's lower bound to its value + 1, until the tree is closed), none, or gave up.
    /// </summary>
    public SearchResult Maximize(CubeSum target, CancellationToken cancellationToken)
    {
        objective = target;
        var step = Run(cancellationToken);
        return step == Step.GaveUp
            ? new SearchResult(SearchOutcome.OutOfBudget, null)
            : new SearchResult(best is null ? SearchOutcome.NoneExists : SearchOutcome.Found, best);
    }

    private Step Run(CancellationToken token)
    {
        cancellationToken = token;
        nodes = 0;
        best = null;
        Frame(0);
        lowest.CopyTo(ranges[0].Low, 0);
        highest.CopyTo(ranges[0].High, 0);
        return Explore(0);
    }

    private Step Explore(int depth)
    {
        if (++nodes > nodeBudget)
        {
            return Step.GaveUp;
        }

        if ((nodes & 1023) == 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }

        var (low, high) = ranges[depth];
        if (!Propagate(low, high, sums, objective, disjunctions))
        {
            return Step.Continue;
        }

        var cell = NarrowestUnfixed(low, high);
        if (cell < 0)
        {
            // Propagation may have stopped at its pass limit: with every cell fixed, one more pass checks every sum.
            if (!Propagate(low, high, sums, objective, disjunctions))
            {
                return Step.Continue;
            }

            if (objective is null)
            {
                best = low;
                return Step.Done;
            }

            best = (long[])low.Clone();
            objective = objective with { Lower = objective.Value(best) + 1 };
            return Step.Continue;
        }

        var (first, second) = Halves(cell, low[cell], high[cell]);
        foreach (var (from, to) in (ReadOnlySpan<(long, long)>)[first, second])
        {
            var (nextLow, nextHigh) = Child(depth, low, high);
            nextLow[cell] = from;
            nextHigh[cell] = to;
            var step = Explore(depth + 1);
            if (step != Step.Continue)
            {
                return step;
            }
        }

        return Step.Continue;
    }

    private (long[] Low, long[] High) Child(int depth, long[] low, long[] high)
    {
        Frame(depth + 1);
        var next = ranges[depth + 1];
        low.CopyTo(next.Low, 0);
        high.CopyTo(next.High, 0);
        return next;
    }

    /// <summary>The unfixed cell with the narrowest range (the first such), or −1 when every cell is fixed.</summary>
    private static int NarrowestUnfixed(long[] low, long[] high)
    {
        var chosen = -1;
        var narrowest = long.MaxValue;
        for (var cell = 0; cell < low.Length; cell++)
        {
            var width = high[cell] - low[cell];
            if (width > 0 && width < narrowest)
            {
                chosen = cell;
                narrowest = width;
            }
        }

        return chosen;
    }

    /// <summary>
    /// The two halves of a cell's range, the more promising first: towards the objective when the cell is in it, else a
    /// record in the cell before none (a cube with records in many cells answers more later questions), then low before high.
    /// </summary>
    private ((long, long) First, (long, long) Second) Halves(int cell, long low, long high)
    {
        var weight = objective is null ? 0 : WeightOf(objective, cell);
        if (weight == 0 && low == 0)
        {
            return ((1, high), (0, 0));
        }

        var middle = low + ((high - low) / 2);
        return weight > 0 ? ((middle + 1, high), (low, middle)) : ((low, middle), (middle + 1, high));
    }

    private static long WeightOf(CubeSum sum, int cell)
    {
        var term = Array.BinarySearch(sum.Cells, cell);
        return term >= 0 ? sum.Weights[term] : 0;
    }

    /// <summary>
    /// Narrows the ranges until nothing changes or for <see cref="LargestPasses"/> passes; false when some sum or
    /// disjunction cannot hold within them. Stopping early is sound (the ranges are only wider than they could be), and
    /// it bounds a node's work: with counts in the millions, two sums can narrow each other by one per pass.
    /// </summary>
    private static bool Propagate(long[] low, long[] high, IReadOnlyList<CubeSum> sums, CubeSum? objective, IReadOnlyList<CubeSum[]> disjunctions)
    {
        var changed = true;
        for (var pass = 0; changed && pass < LargestPasses; pass++)
        {
            changed = false;
            // Indexed loops: a foreach over the read-only lists would allocate an enumerator on every pass.
            for (var index = 0; index < sums.Count; index++)
            {
                if (!Narrow(sums[index], low, high, ref changed))
                {
                    return false;
                }
            }

            if (objective is not null && !Narrow(objective, low, high, ref changed))
            {
                return false;
            }

            for (var index = 0; index < disjunctions.Count; index++)
            {
                var alternatives = disjunctions[index];
                CubeSum? onlyPossible = null;
                var possible = 0;
                var certain = false;
                foreach (var alternative in alternatives)
                {
                    var (least, most) = Activity(alternative, low, high);
                    certain |= least >= alternative.Lower && most <= alternative.Upper;
                    if (least <= alternative.Upper && most >= alternative.Lower)
                    {
                        possible++;
                        onlyPossible = alternative;
                    }
                }

                if (possible == 0 || (!certain && possible == 1 && !Narrow(onlyPossible!, low, high, ref changed)))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static (long Least, long Most) Activity(CubeSum sum, long[] low, long[] high)
    {
        var least = 0L;
        var most = 0L;
        for (var term = 0; term < sum.Cells.Length; term++)
        {
            var weight = sum.Weights[term];
            var cell = sum.Cells[term];
            least += weight * (weight > 0 ? low[cell] : high[cell]);
            most += weight * (weight > 0 ? high[cell] : low[cell]);
        }

        return (least, most);
    }

    /// <summary>
    /// Each term can rise above its least by at most the room left under the upper bound, and fall below its most by at
    /// most the room above the lower bound. (Bounds narrowed earlier in the same pass only make the room smaller; using
    /// the pass's starting activity is weaker but sound, and the next pass catches up.)
    /// </summary>
    private static bool Narrow(CubeSum sum, long[] low, long[] high, ref bool changed)
    {
        var (least, most) = Activity(sum, low, high);
        if (least > sum.Upper || most < sum.Lower)
        {
            return false;
        }

        for (var term = 0; term < sum.Cells.Length; term++)
        {
            var weight = sum.Weights[term];
            var cell = sum.Cells[term];
            var step = Math.Abs(weight);
            var rise = sum.Upper == long.MaxValue ? long.MaxValue : (sum.Upper - least) / step;
            var fall = sum.Lower == long.MinValue ? long.MaxValue : (most - sum.Lower) / step;
            var (up, down) = weight > 0 ? (rise, fall) : (fall, rise);
            if (up != long.MaxValue && low[cell] + up < high[cell])
            {
                high[cell] = low[cell] + up;
                changed = true;
            }

            if (down != long.MaxValue && high[cell] - down > low[cell])
            {
                low[cell] = high[cell] - down;
                changed = true;
            }

            if (low[cell] > high[cell])
            {
                return false;
            }
        }

        return true;
    }

    private void Frame(int depth)
    {
        while (ranges.Count <= depth)
        {
            ranges.Add((new long[lowest.Length], new long[lowest.Length]));
        }
    }
}

internal enum SearchOutcome
{
    Found,
    NoneExists,
    OutOfBudget,
}

/// <summary>The search's answer; Cube is set when Found.</summary>
internal readonly record struct SearchResult(SearchOutcome Outcome, long[]? Cube);
