using System.Globalization;
using Google.OrTools.Sat;

namespace Radikalisering.Disclosure;

/// <summary>
/// The cube as an intruder sees it under one suppression pattern: unknown non-negative integers bound by every
/// published figure. Gives the exact integer range of a sum of cube cells, with CP-SAT where the range is not
/// settled without it. Each solve is bounded in CP-SAT's deterministic time (<see cref="RangeSolverTime"/>, the same on
/// every run); past it the end is a bound read from the published figures alone (0, or the sum of the cells' bounds)
/// and the view is no longer <see cref="Exact"/>.
/// </summary>
internal sealed class IntruderView
{
    /// <summary>CP-SAT deterministic time for one end of one range (roughly seconds of one core).</summary>
    public const double RangeSolverTime = 1.0;

    private readonly LinkedTables tables;
    private readonly bool[] suppressed;
    private readonly long searchBound;
    private readonly double solverTime;

    /// <param name="searchBound">
    /// An upper bound for cube cells that no published figure bounds. Such a cell is in no published equation, so
    /// a range reaching the bound reaches any value above it.
    /// </param>
    /// <param name="solverTime">CP-SAT deterministic time per end (tests set a small one to see a view past it).</param>
    public IntruderView(LinkedTables tables, bool[] suppressed, long searchBound, double solverTime = RangeSolverTime)
    {
        this.tables = tables;
        this.suppressed = suppressed;
        this.searchBound = searchBound;
        this.solverTime = solverTime;
    }

    /// <summary>False once a solve reached its bound and an end is the outer bound instead of the exact one.</summary>
    public bool Exact { get; private set; } = true;

    /// <summary>The minimum and maximum of Σ support; the maximum is long.MaxValue when unbounded.</summary>
    public (long Minimum, long Maximum) Interval(int[] support, CancellationToken cancellationToken)
    {
        var (minimum, maximum) = KnownEnds(support);
        return (
            minimum ?? Optimize(support, maximize: false, cancellationToken),
            maximum ?? Optimize(support, maximize: true, cancellationToken));
    }

    /// <summary>
    /// The ends settled without a solve, null where CP-SAT must find them: 0 when the true cube has 0 there, the value of a
    /// published figure containing the support when the true cube reaches it, unbounded when no published figure bounds a cell.
    /// </summary>
    private (long? Minimum, long? Maximum) KnownEnds(int[] support)
    {
        var trueSum = support.Sum(tables.Cube.CountAt);
        long? minimum = trueSum == 0 ? 0 : null;
        if (!support.All(BoundedByPublication))
        {
            return (minimum, long.MaxValue);
        }

        var containing = tables.CoveringCells[support[0]]
            .Where(index => !suppressed[index] && support.All(tables.Cells[index].Support.Contains))
            .Select(index => tables.Cells[index].Value)
            .DefaultIfEmpty(long.MaxValue)
            .Min();
        return (minimum, containing != long.MaxValue && trueSum == containing ? containing : null);
    }

    private long Optimize(int[] support, bool maximize, CancellationToken cancellationToken)
    {
        var model = new CpModel();
        var cells = Enumerable.Range(0, tables.Cube.CellCount).Select(cubeCell => model.NewIntVar(0, UpperBound(cubeCell), string.Empty)).ToArray();
        foreach (var cell in tables.Cells.Where(cell => !suppressed[cell.Index]))
        {
            model.Add(LinearExpr.Sum(cell.Support.Select(cubeCell => cells[cubeCell])) == cell.Value);
        }

        var total = LinearExpr.Sum(support.Select(cubeCell => cells[cubeCell]));
        if (maximize)
        {
            model.Maximize(total);
        }
        else
        {
            model.Minimize(total);
        }

        var solver = new CpSolver();
        var status = SolverSettings.Solve(model, solver, cancellationToken, string.Create(CultureInfo.InvariantCulture, $",max_deterministic_time:{solverTime}"));
        switch (status)
        {
            case CpSolverStatus.Optimal:
                return (long)solver.ObjectiveValue;
            case CpSolverStatus.Feasible or CpSolverStatus.Unknown:
                Exact = false;
                return maximize ? OuterMaximum(support) : 0;
            default:
                throw new InvalidOperationException($"The audit could not bound a range (solver status {status}).");
        }
    }

    /// <summary>
    /// A maximum no cube printing the figures exceeds, read from the figures alone: the sum of each cube cell's bound,
    /// or long.MaxValue when a cell of the support is in no published figure.
    /// </summary>
    private long OuterMaximum(int[] support) =>
        support.All(BoundedByPublication) ? support.Sum(UpperBound) : long.MaxValue;

    private bool BoundedByPublication(int cubeCell) => tables.CoveringCells[cubeCell].Any(index => !suppressed[index]);

    /// <summary>The smallest published figure containing the cube cell, else the search bound.</summary>
    private long UpperBound(int cubeCell) =>
        tables.CoveringCells[cubeCell].Where(index => !suppressed[index]).Select(index => tables.Cells[index].Value).DefaultIfEmpty(searchBound).Min();
}
