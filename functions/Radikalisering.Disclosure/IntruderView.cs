using Google.OrTools.Sat;

namespace Radikalisering.Disclosure;

/// <summary>
/// The cube as an intruder sees it under one suppression pattern: unknown non-negative integers bound by
/// every published figure. Answers existence questions and integer ranges from the <see cref="WitnessPool"/> where
/// it can and with CP-SAT otherwise, keeping every cube CP-SAT finds for later questions. With a scope, only
/// the scope's cells are unknown and the rest keep their true values (see <see cref="WitnessScope"/>).
/// </summary>
internal sealed class IntruderView
{
    private readonly LinkedTables tables;
    private readonly bool[] suppressed;
    private readonly WitnessPool pool;
    private readonly int[] varying;
    private readonly bool[] isVarying;
    private readonly Dictionary<int, long> upperBounds = [];
    private readonly HashSet<int> boundedByPublication = [];
    private readonly int[] publishedTouching;
    private readonly Dictionary<int, int[]> varyingSupports;
    private ScopeModel? publishedModel;

    /// <param name="searchBound">
    /// An upper bound for cube cells that no published figure bounds. A witness needing more can be lowered to
    /// this bound without breaking a published equation (such a cell is in none) or its own condition.
    /// </param>
    public IntruderView(LinkedTables tables, bool[] suppressed, long searchBound, WitnessPool pool, int[]? scope = null)
    {
        this.tables = tables;
        this.suppressed = suppressed;
        this.pool = pool;
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
        varyingSupports = tables.VaryingSupports(varying);
    }

    /// <summary>
    /// Whether some cube consistent with the published figures answers the query: from the pool, else by CP-SAT on the
    /// view's one model of the published figures, which each question extends by its own conditions and restores after.
    /// </summary>
    public bool HasWitness(WitnessQuery query, CancellationToken cancellationToken)
    {
        if (pool.Answers(query, IsPublished, isVarying))
        {
            return true;
        }

        publishedModel ??= PublishedModel();
        var constraints = publishedModel.Model.Model.Constraints;
        var shared = constraints.Count;
        try
        {
            publishedModel.Require(query);
            var solver = new CpSolver();
            var status = SolverSettings.Solve(publishedModel.Model, solver, cancellationToken);
            if (status is not (CpSolverStatus.Feasible or CpSolverStatus.Optimal))
            {
                return false;
            }

            pool.Add(publishedModel.Values(solver));
            return true;
        }
        finally
        {
            while (constraints.Count > shared)
            {
                constraints.RemoveAt(constraints.Count - 1);
            }
        }
    }

    /// <summary>The minimum and maximum of Σ support (exact without a scope); the maximum is long.MaxValue when unbounded.</summary>
    public (long Minimum, long Maximum) Interval(int[] support, CancellationToken cancellationToken)
    {
        var (minimum, maximum) = KnownEnds(support);
        return (minimum ?? Optimize(support, maximize: false, cancellationToken), maximum ?? Optimize(support, maximize: true, cancellationToken));
    }

    /// <summary>
    /// The ends of <see cref="Interval"/> settled without a solve, null where <see cref="Optimize"/> must find them: a known cube
    /// at 0, or at the value of a published figure that contains the support; no published figure bounding a cell.
    /// </summary>
    public (long? Minimum, long? Maximum) KnownEnds(int[] support)
    {
        long? minimum = pool.Answers(new WitnessQuery([], support, AtMost: 0, AtLeast: null), IsPublished, isVarying) ? 0 : null;
        if (!support.All(cubeCell => !isVarying[cubeCell] || boundedByPublication.Contains(cubeCell)))
        {
            return (minimum, long.MaxValue);
        }

        var containing = tables.CoveringCells[support[0]]
            .Where(index => !suppressed[index] && support.All(tables.Cells[index].Support.Contains))
            .Select(index => tables.Cells[index].Value)
            .DefaultIfEmpty(long.MaxValue)
            .Min();
        var reachesContaining = containing != long.MaxValue && pool.Answers(new WitnessQuery([], support, AtMost: null, AtLeast: containing), IsPublished, isVarying);
        return (minimum, reachesContaining ? containing : null);
    }

    /// <summary>The exact minimum or maximum of Σ support. Builds its own model, so several may run at once on one view.</summary>
    public long Optimize(int[] support, bool maximize, CancellationToken cancellationToken)
    {
        var model = PublishedModel();
        var total = model.Sum(support);
        if (maximize)
        {
            model.Model.Maximize(total);
        }
        else
        {
            model.Model.Minimize(total);
        }

        var solver = new CpSolver();
        var status = SolverSettings.Solve(model.Model, solver, cancellationToken);
        if (status != CpSolverStatus.Optimal)
        {
            throw new InvalidOperationException($"The audit could not prove an exact bound (solver status {status}).");
        }

        return (long)solver.ObjectiveValue;
    }

    private bool IsPublished(int index) => !suppressed[index];

    private ScopeModel PublishedModel()
    {
        var model = new ScopeModel(tables.Cube, varying, cubeCell => upperBounds[cubeCell]);
        foreach (var index in publishedTouching)
        {
            model.AddPublished(varyingSupports[index]);
        }

        return model;
    }
}
