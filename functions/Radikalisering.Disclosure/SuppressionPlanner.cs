using Google.OrTools.Sat;

namespace Radikalisering.Disclosure;

/// <summary>
/// Chooses the complementary suppressions: fewest extra cells, then smallest total value withheld.
/// The master model holds one witness cube for every check that has failed so far (a cube that must agree
/// with every cell left published and satisfy the check); the audit then looks for checks the chosen pattern
/// still fails, and those join the master. Every witness is a necessary condition, so the first pattern the
/// audit passes is optimal.
/// </summary>
internal sealed class SuppressionPlanner
{
    private readonly LinkedTables tables;
    private readonly ProtectionAuditor auditor;
    private readonly long searchBound;

    public SuppressionPlanner(LinkedTables tables, ProtectionAuditor auditor, long searchBound)
    {
        this.tables = tables;
        this.auditor = auditor;
        this.searchBound = searchBound;
    }

    public bool[] Plan(bool[] forced, CancellationToken cancellationToken)
    {
        var witnesses = new List<ProtectionCheck>();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var pattern = SolveMaster(forced, witnesses, cancellationToken);
            var violations = auditor.Violations(pattern, cancellationToken);
            if (violations.Count == 0)
            {
                return pattern;
            }

            witnesses.AddRange(violations);
        }
    }

    private bool[] SolveMaster(bool[] forced, List<ProtectionCheck> witnesses, CancellationToken cancellationToken)
    {
        var model = new CpModel();
        var free = tables.Cells.Where(cell => !forced[cell.Index]).ToArray();
        var suppress = new Dictionary<int, BoolVar>();
        foreach (var cell in free)
        {
            suppress[cell.Index] = model.NewBoolVar($"s{cell.Index}");
        }

        for (var w = 0; w < witnesses.Count; w++)
        {
            AddWitness(model, witnesses[w], w, free, suppress);
        }

        // Lexicographic: one more cell always costs more than any difference in withheld value.
        var valueWeight = free.Sum(cell => cell.Value) + 1;
        model.Minimize(LinearExpr.WeightedSum(
            free.Select(cell => suppress[cell.Index]),
            free.Select(cell => valueWeight + cell.Value)));

        var solver = new CpSolver();
        var status = SolverSettings.Solve(model, solver, cancellationToken);
        if (status != CpSolverStatus.Optimal)
        {
            throw new InvalidOperationException($"Choosing the suppressions failed (solver status {status}).");
        }

        var pattern = (bool[])forced.Clone();
        foreach (var cell in free)
        {
            pattern[cell.Index] = solver.BooleanValue(suppress[cell.Index]);
        }

        return pattern;
    }

    private void AddWitness(CpModel model, ProtectionCheck check, int number, IReadOnlyList<TableCell> free, Dictionary<int, BoolVar> suppress)
    {
        var cube = new IntVar[tables.Cube.CellCount];
        for (var cubeCell = 0; cubeCell < cube.Length; cubeCell++)
        {
            cube[cubeCell] = model.NewIntVar(0, searchBound, $"w{number}x{cubeCell}");
        }

        foreach (var cell in free)
        {
            model.Add(LinearExpr.Sum(cell.Support.Select(index => cube[index])) == cell.Value)
                .OnlyEnforceIf(suppress[cell.Index].Not());
        }

        var query = check.ToQuery();
        var total = LinearExpr.Sum(query.Support.Select(index => cube[index]));
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
            model.Add(cube[known] >= 1);
        }
    }
}
