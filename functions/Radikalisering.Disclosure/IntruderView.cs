using Google.OrTools.Sat;

namespace Radikalisering.Disclosure;

/// <summary>
/// The cube as an intruder sees it under one suppression pattern: unknown non-negative integers bound by
/// every published figure. Answers existence questions and exact integer ranges with CP-SAT.
/// </summary>
internal sealed class IntruderView
{
    private readonly LinkedTables tables;
    private readonly bool[] suppressed;
    private readonly long[] upperBounds;
    private readonly bool[] boundedByPublication;

    /// <param name="searchBound">
    /// An upper bound for cube cells that no published figure bounds. A witness needing more can be lowered to
    /// this bound without breaking a published equation (such a cell is in none) or its own condition.
    /// </param>
    public IntruderView(LinkedTables tables, bool[] suppressed, long searchBound)
    {
        this.tables = tables;
        this.suppressed = suppressed;
        upperBounds = new long[tables.Cube.CellCount];
        boundedByPublication = new bool[tables.Cube.CellCount];
        for (var cubeCell = 0; cubeCell < upperBounds.Length; cubeCell++)
        {
            var published = tables.CoveringCells[cubeCell].Where(index => !suppressed[index]).ToArray();
            boundedByPublication[cubeCell] = published.Length > 0;
            upperBounds[cubeCell] = published.Length > 0 ? published.Min(index => tables.Cells[index].Value) : searchBound;
        }
    }

    public bool HasWitness(WitnessQuery query, CancellationToken cancellationToken)
    {
        var (model, cells) = PublishedModel();
        AddQuery(model, cells, query);
        var status = SolverSettings.Solve(model, new CpSolver(), cancellationToken);
        return status is CpSolverStatus.Feasible or CpSolverStatus.Optimal;
    }

    /// <summary>The exact integer minimum and maximum of Σ support; the maximum is long.MaxValue when unbounded.</summary>
    public (long Minimum, long Maximum) Interval(int[] support, CancellationToken cancellationToken) =>
        (Optimize(support, maximize: false, cancellationToken),
         support.All(cubeCell => boundedByPublication[cubeCell]) ? Optimize(support, maximize: true, cancellationToken) : long.MaxValue);

    private long Optimize(int[] support, bool maximize, CancellationToken cancellationToken)
    {
        var (model, cells) = PublishedModel();
        var total = LinearExpr.Sum(support.Select(index => cells[index]));
        if (maximize)
        {
            model.Maximize(total);
        }
        else
        {
            model.Minimize(total);
        }

        var solver = new CpSolver();
        var status = SolverSettings.Solve(model, solver, cancellationToken);
        if (status != CpSolverStatus.Optimal)
        {
            throw new InvalidOperationException($"The audit could not prove an exact bound (solver status {status}).");
        }

        return (long)solver.ObjectiveValue;
    }

    private static void AddQuery(CpModel model, IntVar[] cells, WitnessQuery query)
    {
        var total = LinearExpr.Sum(query.Support.Select(index => cells[index]));
        if (query.AtMost is { } atMost)
        {
            model.Add(total <= atMost);
        }

        if (query.AtLeast is { } atLeast)
        {
            model.Add(total >= atLeast);
        }

        foreach (var known in query.KnownRecords)
        {
            model.Add(cells[known] >= 1);
        }
    }

    private (CpModel Model, IntVar[] Cells) PublishedModel()
    {
        var model = new CpModel();
        var cells = new IntVar[upperBounds.Length];
        for (var cubeCell = 0; cubeCell < cells.Length; cubeCell++)
        {
            cells[cubeCell] = model.NewIntVar(0, upperBounds[cubeCell], $"x{cubeCell}");
        }

        foreach (var cell in tables.Cells.Where(cell => !suppressed[cell.Index]))
        {
            model.Add(LinearExpr.Sum(cell.Support.Select(index => cells[index])) == cell.Value);
        }

        return (model, cells);
    }
}
