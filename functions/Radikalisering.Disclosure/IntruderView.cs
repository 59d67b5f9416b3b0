using Google.OrTools.Sat;

namespace Radikalisering.Disclosure;

/// <summary>
/// The cube as an intruder sees it under one suppression pattern: unknown non-negative integers bound by
/// every published figure. Answers existence questions and integer ranges with CP-SAT. With a scope, only
/// the scope's cells are unknown and the rest keep their true values (see <see cref="WitnessScope"/>).
/// </summary>
internal sealed class IntruderView
{
    private readonly LinkedTables tables;
    private readonly int[] varying;
    private readonly bool[] isVarying;
    private readonly int[] publishedTouching;
    private readonly Dictionary<int, long> upperBounds = [];
    private readonly HashSet<int> boundedByPublication = [];

    /// <param name="searchBound">
    /// An upper bound for cube cells that no published figure bounds. A witness needing more can be lowered to
    /// this bound without breaking a published equation (such a cell is in none) or its own condition.
    /// </param>
    public IntruderView(LinkedTables tables, bool[] suppressed, long searchBound, int[]? scope = null)
    {
        this.tables = tables;
        varying = scope ?? [.. Enumerable.Range(0, tables.Cube.CellCount)];
        isVarying = new bool[tables.Cube.CellCount];
        foreach (var cubeCell in varying)
        {
            isVarying[cubeCell] = true;
            var published = tables.CoveringCells[cubeCell].Where(index => !suppressed[index]).ToArray();
            if (published.Length > 0)
            {
                boundedByPublication.Add(cubeCell);
            }

            upperBounds[cubeCell] = published.Length > 0 ? published.Min(index => tables.Cells[index].Value) : searchBound;
        }

        publishedTouching = [.. varying.SelectMany(cubeCell => tables.CoveringCells[cubeCell]).Distinct().Where(index => !suppressed[index]).Order()];
    }

    public bool HasWitness(WitnessQuery query, CancellationToken cancellationToken)
    {
        var (model, cells) = PublishedModel();
        var total = Sum(cells, query.Support);
        if (query.AtMost is { } atMost)
        {
            model.Add(total <= atMost);
        }

        if (query.AtLeast is { } atLeast)
        {
            model.Add(total >= atLeast);
        }

        foreach (var known in query.KnownRecords.Where(cubeCell => isVarying[cubeCell]))
        {
            model.Add(cells[known]! >= 1);
        }

        var status = SolverSettings.Solve(model, new CpSolver(), cancellationToken);
        return status is CpSolverStatus.Feasible or CpSolverStatus.Optimal;
    }

    /// <summary>The minimum and maximum of Σ support (exact without a scope); the maximum is long.MaxValue when unbounded.</summary>
    public (long Minimum, long Maximum) Interval(int[] support, CancellationToken cancellationToken) =>
        (Optimize(support, maximize: false, cancellationToken),
         support.All(cubeCell => !isVarying[cubeCell] || boundedByPublication.Contains(cubeCell)) ? Optimize(support, maximize: true, cancellationToken) : long.MaxValue);

    private long Optimize(int[] support, bool maximize, CancellationToken cancellationToken)
    {
        var (model, cells) = PublishedModel();
        var total = Sum(cells, support);
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

    /// <summary>Σ over the cube cells: unknowns inside the scope, true counts outside it.</summary>
    private LinearExpr Sum(IntVar?[] cells, int[] cubeCells)
    {
        var fixedPart = cubeCells.Where(cubeCell => !isVarying[cubeCell]).Sum(tables.Cube.CountAt);
        return LinearExpr.Sum(cubeCells.Where(cubeCell => isVarying[cubeCell]).Select(cubeCell => cells[cubeCell]!)) + fixedPart;
    }

    private (CpModel Model, IntVar?[] Cells) PublishedModel()
    {
        var model = new CpModel();
        var cells = new IntVar?[tables.Cube.CellCount];
        foreach (var cubeCell in varying)
        {
            cells[cubeCell] = model.NewIntVar(0, upperBounds[cubeCell], $"x{cubeCell}");
        }

        foreach (var index in publishedTouching)
        {
            var cell = tables.Cells[index];
            model.Add(Sum(cells, cell.Support) == cell.Value);
        }

        return (model, cells);
    }
}
