using Google.OrTools.Sat;

namespace Radikalisering.Disclosure;

/// <summary>
/// Answers one replay-gate question with CP-SAT: a cube that prints the given figures (and, among candidates, fails one
/// condition of every passed-over level) and meets the query, or null when none exists (a proof).
/// </summary>
internal sealed class CandidateSolver(LinkedTables tables, long?[] printed, IReadOnlyList<AdmissionCondition[]> passedOver, long total)
{
    private readonly int cubeCells = tables.Cube.CellCount;

    public long[]? Find(WitnessQuery query, bool amongCandidates, CancellationToken cancellationToken)
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
        var solver = new CpSolver();
        var status = SolverSettings.Solve(model, solver, cancellationToken, ",max_deterministic_time:0.002");
        if (status is not (CpSolverStatus.Feasible or CpSolverStatus.Optimal or CpSolverStatus.Infeasible))
        {
            model.Model.Objective = null;
            status = SolverSettings.Solve(model, solver, cancellationToken);
        }

        return status switch
        {
            CpSolverStatus.Feasible or CpSolverStatus.Optimal => [.. x.Select(cell => solver.Value(cell))],
            CpSolverStatus.Infeasible => null,
            _ => throw new InvalidOperationException($"The replay gate could not settle a question (solver status {status})."),
        };
    }
}
