using Google.OrTools.Sat;

namespace Radikalisering.Disclosure;

/// <summary>
/// Answers one replay-gate question: a cube that prints the given figures (and, among candidates, fails one condition
/// of every passed-over level) and meets the query, or null when none exists (a proof). The exact <see cref="CubeSearch"/>
/// answers first; when it gives up after its node budget, CP-SAT decides, so both "yes" and "no" stay exact.
/// </summary>
internal sealed class CandidateSolver
{
    /// <summary>Nodes the search may visit per question: most of a municipal year's questions need fewer than 100, and a search that fails costs more than CP-SAT beyond a few hundred.</summary>
    public const int DefaultSearchNodes = 500;

    /// <summary>
    /// The largest cube the search is tried on. On the pooled years' stacked cube (54 cells) most questions ran out of
    /// budget and paid the search on top of CP-SAT: a pooled compile took 106 s with the search, 8 s without.
    /// </summary>
    public const int LargestSearchedCube = 18;

    private readonly LinkedTables tables;
    private readonly long?[] printed;
    private readonly IReadOnlyList<AdmissionCondition[]> passedOver;
    private readonly long total;
    private readonly int searchNodes;
    private readonly int cubeCells;
    private readonly CubeSum[] printedSums;
    private readonly CubeSum[][] passedOverFails;
    private readonly WorkBound? bound;

    /// <param name="bound">The work all questions together may take (a gate's); null bounds each question's solver time alone.</param>
    /// <param name="searchNodes">The search's node budget per question; 0 asks CP-SAT every question.</param>
    public CandidateSolver(LinkedTables tables, long?[] printed, IReadOnlyList<AdmissionCondition[]> passedOver, long total, WorkBound? bound = null, int searchNodes = DefaultSearchNodes)
    {
        this.tables = tables;
        this.bound = bound;
        this.printed = printed;
        this.passedOver = passedOver;
        this.total = total;
        cubeCells = tables.Cube.CellCount;
        this.searchNodes = cubeCells <= LargestSearchedCube ? searchNodes : 0;
        CubeSum[] equalities = [.. tables.Cells.Where(cell => printed[cell.Index] is not null).Select(cell => CubeSum.Of(cell.Support, printed[cell.Index]!.Value, printed[cell.Index]!.Value))];
        printedSums = [.. equalities, .. CubeSum.Implied(equalities, cubeCells)];
        passedOverFails = [.. passedOver.Select(conditions => conditions.SelectMany(Failures).ToArray())];
    }

    /// <summary>Throws <see cref="WorkBoundReachedException"/> when the question passes the bound.</summary>
    public long[]? Find(WitnessQuery query, bool amongCandidates, CancellationToken cancellationToken)
    {
        bound?.Ask();
        return searchNodes > 0 && Search(query, amongCandidates, cancellationToken) is { Outcome: not SearchOutcome.OutOfBudget } searched
            ? searched.Cube
            : FindWithCpSat(query, amongCandidates, cancellationToken);
    }

    /// <summary>The exact search's answer alone (gives up after the node budget).</summary>
    public SearchResult Search(WitnessQuery query, bool amongCandidates, CancellationToken cancellationToken)
    {
        var lowest = new long[cubeCells];
        foreach (var known in query.KnownRecords)
        {
            lowest[known] = 1;
        }

        var highest = Enumerable.Repeat(total, cubeCells).ToArray();
        var target = CubeSum.Of(query.Support, query.AtLeast ?? long.MinValue, query.AtMost ?? long.MaxValue);
        return new CubeSearch(lowest, highest, [.. printedSums, target], amongCandidates ? passedOverFails : [], searchNodes).Find(cancellationToken);
    }

    /// <summary>The ways a cube can fail one condition: outside its range (below it or above it), or inside a range it must avoid.</summary>
    private IEnumerable<CubeSum> Failures(AdmissionCondition condition)
    {
        var cells = condition.Cells.SelectMany(index => tables.Cells[index].Support).ToArray();
        if (!condition.Inside)
        {
            yield return CubeSum.Of(cells, condition.Lower, condition.Upper);
            yield break;
        }

        if (condition.Lower != long.MinValue)
        {
            yield return CubeSum.Of(cells, long.MinValue, condition.Lower - 1);
        }

        if (condition.Upper != long.MaxValue)
        {
            yield return CubeSum.Of(cells, condition.Upper + 1, long.MaxValue);
        }
    }

    private long[]? FindWithCpSat(WitnessQuery query, bool amongCandidates, CancellationToken cancellationToken)
    {
        var model = new CpModel();
        var x = Enumerable.Range(0, cubeCells).Select(cell => model.NewIntVar(0, total, $"x{cell}")).ToArray();
        LinearExpr Sum(IEnumerable<int> cells) => LinearExpr.Sum(cells.Select(cell => x[cell]));
        LinearExpr SumOfTableCells(int[] tableCells) => LinearExpr.Sum(tableCells.SelectMany(index => tables.Cells[index].Support).Select(cell => x[cell]));

        foreach (var cell in tables.Cells.Where(cell => printed[cell.Index] is not null))
        {
            model.Add(Sum(cell.Support) == printed[cell.Index]!.Value);
        }

        foreach (var conditions in amongCandidates ? passedOver : [])
        {
            var fails = new List<ILiteral>();
            foreach (var condition in conditions)
            {
                var sum = SumOfTableCells(condition.Cells);
                if (!condition.Inside)
                {
                    var inside = model.NewBoolVar("inside");
                    model.Add(sum >= condition.Lower).OnlyEnforceIf(inside);
                    model.Add(sum <= condition.Upper).OnlyEnforceIf(inside);
                    fails.Add(inside);
                    continue;
                }

                if (condition.Lower != long.MinValue)
                {
                    var below = model.NewBoolVar("below");
                    model.Add(sum <= condition.Lower - 1).OnlyEnforceIf(below);
                    fails.Add(below);
                }

                if (condition.Upper != long.MaxValue)
                {
                    var above = model.NewBoolVar("above");
                    model.Add(sum >= condition.Upper + 1).OnlyEnforceIf(above);
                    fails.Add(above);
                }
            }

            model.AddBoolOr(fails);
        }

        var target = Sum(query.Support);
        if (query.AtMost is { } most)
        {
            model.Add(target <= most);
        }

        if (query.AtLeast is { } least)
        {
            model.Add(target >= least);
        }

        foreach (var known in query.KnownRecords)
        {
            model.Add(x[known] >= 1);
        }

        // A candidate with records in as many cells as possible answers the most insiders' questions later. The search
        // for it is cut off after a fixed amount of the solver's own work; if that finds nothing, the plain feasibility
        // question is solved to the end, so "no candidate" is always a proof.
        var occupied = x.Select(cell =>
        {
            var used = model.NewBoolVar("used");
            model.Add(cell >= 1).OnlyEnforceIf(used);
            return used;
        }).ToArray();
        model.Maximize(LinearExpr.Sum(occupied));
        // Both solves count against the work bound in the solver's deterministic time; a question the bound leaves
        // unsettled ends the gate.
        var work = bound ?? WorkBound.ForQuestion();
        var solver = new CpSolver();
        var status = SolverSettings.Solve(model, solver, cancellationToken, work.SolverLimit(most: 0.002));
        work.Spend(solver.Response?.DeterministicTime ?? 0);
        if (status is not (CpSolverStatus.Feasible or CpSolverStatus.Optimal or CpSolverStatus.Infeasible))
        {
            model.Model.Objective = null;
            status = SolverSettings.Solve(model, solver, cancellationToken, work.SolverLimit());
            work.Spend(solver.Response?.DeterministicTime ?? 0);
        }

        return status switch
        {
            CpSolverStatus.Feasible or CpSolverStatus.Optimal => [.. x.Select(cell => solver.Value(cell))],
            CpSolverStatus.Infeasible => null,
            _ => throw new WorkBoundReachedException($"The replay gate could not settle a question within its work bound (solver status {status})."),
        };
    }
}
