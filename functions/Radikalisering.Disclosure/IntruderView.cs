using Google.OrTools.Sat;

namespace Radikalisering.Disclosure;

/// <summary>
/// The cube as an intruder sees it under one suppression pattern: unknown non-negative integers bound by
/// every published figure. Answers existence questions from the <see cref="WitnessPool"/> where it can, else by the
/// exact <see cref="CubeSearch"/> within a node budget, else with CP-SAT, keeping every cube found for later questions;
/// integer ranges with CP-SAT. With a scope, only the scope's cells are unknown and the rest keep their true values
/// (see <see cref="WitnessScope"/>).
/// </summary>
internal sealed class IntruderView
{
    /// <summary>
    /// Nodes the exact search may visit per witness question before CP-SAT decides it. On the national rollup's scopes
    /// 150 decided 86 % of the searches, and was faster than 50 or 500 nodes; 20 decided almost no "yes".
    /// </summary>
    private const int ExactSearchNodes = 150;

    private readonly LinkedTables tables;
    private readonly bool[] suppressed;
    private readonly WitnessPool pool;
    private readonly long searchBound;
    private readonly int[] varying;
    private readonly bool[] isVarying;
    private readonly Func<int, bool> isPublished;
    private readonly Lazy<(int[] Touching, Dictionary<int, int[]> VaryingSupports)> publishedEquations;
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
        this.searchBound = searchBound;
        varying = scope ?? [.. Enumerable.Range(0, tables.Cube.CellCount)];
        isVarying = new bool[tables.Cube.CellCount];
        foreach (var cubeCell in varying)
        {
            isVarying[cubeCell] = true;
        }

        // Most views answer every question from the pool, so the equations are gathered only for a view's first model.
        publishedEquations = new(() => (
            [.. varying.SelectMany(cubeCell => tables.CoveringCells[cubeCell]).Distinct().Where(index => !suppressed[index]).Order()],
            tables.VaryingSupports(varying)));
        isPublished = index => !suppressed[index];
    }

    /// <summary>
    /// Whether some cube consistent with the published figures answers the query: from the pool, else by a search (exact,
    /// then CP-SAT) on the view's one model of the published figures, which each question extends by its own conditions
    /// and restores after.
    /// </summary>
    public bool HasWitness(WitnessQuery query, CancellationToken cancellationToken)
    {
        if (pool.Answers(query, isPublished, isVarying))
        {
            return true;
        }

        var witness = Search(publishedModel ??= PublishedModel(), query, cancellationToken);
        if (witness is { } found)
        {
            pool.Add(found.Moved, found.Steps);
        }

        return witness is not null;
    }

    /// <summary>
    /// Asks the questions of <paramref name="ahead"/> in their turn, as <see cref="HasWitness"/> would, taking the search
    /// made ahead where the pool cannot answer: the model was the same, so the solver's answer and cube are too, and the
    /// pool grows as if every question had been asked now. Where the pool answered ahead but cannot now, the search is
    /// made now. The answers are not needed: a search and the pool give the same ones.
    /// </summary>
    public void Replay(SearchesAhead ahead, CancellationToken cancellationToken)
    {
        foreach (var (query, made, witness) in ahead.Questions)
        {
            if (pool.Answers(query, isPublished, isVarying))
            {
                continue;
            }

            if ((made ? witness : Search(publishedModel ??= PublishedModel(), query, cancellationToken)) is { } found)
            {
                pool.Add(found.Moved, found.Steps);
            }
        }
    }

    /// <summary>
    /// The search <see cref="HasWitness"/> would make for the query, made ahead of its turn on another core: answered from
    /// the pool as it stands (which must not change meanwhile), else from <paramref name="layer"/>, the cubes found ahead
    /// so far on every core (locked while used), else searched on <paramref name="model"/>, this core's own
    /// <see cref="NewPublishedModel"/>. Only questions the pool could not answer are recorded for <see cref="Replay"/>.
    /// </summary>
    public bool SearchAhead(WitnessQuery query, WitnessPool layer, ScopeModel model, SearchesAhead ahead, CancellationToken cancellationToken)
    {
        // What the pool answers now it answers in the question's turn too: it only grows. Such questions need no replay.
        if (pool.Answers(query, isPublished, isVarying))
        {
            return true;
        }

        lock (layer)
        {
            if (layer.Answers(query, isPublished, isVarying))
            {
                ahead.AnsweredByLayer(query);
                return true;
            }
        }

        var witness = Search(model, query, cancellationToken);
        ahead.Searched(query, witness);
        if (witness is not { } found)
        {
            return false;
        }

        lock (layer)
        {
            layer.Add(found.Moved, found.Steps);
        }

        return true;
    }

    /// <summary>A model of the published figures like the one <see cref="HasWitness"/> searches on, for another core.</summary>
    public ScopeModel NewPublishedModel() => PublishedModel();

    /// <summary>The minimum and maximum of Σ support (exact without a scope); the maximum is long.MaxValue when unbounded.</summary>
    public (long Minimum, long Maximum) Interval(int[] support, CancellationToken cancellationToken)
    {
        var (minimum, maximum) = KnownEnds(support);
        ScopeModel? model = null;
        return (
            minimum ?? Optimize(model ??= PublishedModel(), support, maximize: false, cancellationToken),
            maximum ?? Optimize(model ??= PublishedModel(), support, maximize: true, cancellationToken));
    }

    /// <summary>
    /// The ends of <see cref="Interval"/> settled without a solve, null where <see cref="Optimize"/> must find them: a known cube
    /// at 0, or at the value of a published figure that contains the support; no published figure bounding a cell.
    /// </summary>
    public (long? Minimum, long? Maximum) KnownEnds(int[] support)
    {
        long? minimum = pool.Answers(new WitnessQuery([], support, AtMost: 0, AtLeast: null), isPublished, isVarying) ? 0 : null;
        if (!support.All(cubeCell => !isVarying[cubeCell] || BoundedByPublication(cubeCell)))
        {
            return (minimum, long.MaxValue);
        }

        var containing = tables.CoveringCells[support[0]]
            .Where(index => !suppressed[index] && support.All(tables.Cells[index].Support.Contains))
            .Select(index => tables.Cells[index].Value)
            .DefaultIfEmpty(long.MaxValue)
            .Min();
        var reachesContaining = containing != long.MaxValue && pool.Answers(new WitnessQuery([], support, AtMost: null, AtLeast: containing), isPublished, isVarying);
        return (minimum, reachesContaining ? containing : null);
    }

    /// <summary>
    /// The exact minimum or maximum of Σ support, on <paramref name="model"/>, a <see cref="NewPublishedModel"/> of this
    /// view whose objective it replaces: several may run at once on one view, each on its own model.
    /// </summary>
    public static long Optimize(ScopeModel model, int[] support, bool maximize, CancellationToken cancellationToken)
    {
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

    private static (int[] Moved, long[] Steps)? Search(ScopeModel model, WitnessQuery query, CancellationToken cancellationToken)
    {
        var (outcome, witness) = model.SearchExactly(query, ExactSearchNodes, cancellationToken);
        if (outcome != SearchOutcome.OutOfBudget)
        {
            return witness;
        }

        return model.SolveRequiring<(int[] Moved, long[] Steps)?>(query, () =>
        {
            var solver = new CpSolver();
            var status = SolverSettings.Solve(model.Model, solver, cancellationToken);
            return status is CpSolverStatus.Feasible or CpSolverStatus.Optimal ? model.Changes(solver) : null;
        });
    }

    private ScopeModel PublishedModel()
    {
        var model = new ScopeModel(tables.Cube, varying, UpperBound);
        var (touching, varyingSupports) = publishedEquations.Value;
        foreach (var index in touching)
        {
            model.AddPublished(varyingSupports[index]);
        }

        return model;
    }

    private bool BoundedByPublication(int cubeCell) => tables.CoveringCells[cubeCell].Any(isPublished);

    /// <summary>The smallest published figure containing the cube cell, else the search bound.</summary>
    private long UpperBound(int cubeCell)
    {
        var bound = long.MaxValue;
        foreach (var index in tables.CoveringCells[cubeCell])
        {
            if (!suppressed[index])
            {
                bound = Math.Min(bound, tables.Cells[index].Value);
            }
        }

        return bound == long.MaxValue ? searchBound : bound;
    }
}
