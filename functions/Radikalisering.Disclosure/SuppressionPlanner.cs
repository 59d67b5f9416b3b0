using Google.OrTools.Sat;

namespace Radikalisering.Disclosure;

/// <summary>
/// Chooses the complementary suppressions: fewest extra cells, then smallest total value withheld.
/// A row-generation loop: the master picks the cheapest pattern that withholds at least one cell of every
/// "core" found so far; the exact audit then looks for a check the pattern fails, and for each failure the
/// solver names published cells that make the check fail when only they are published (a core, see
/// <see cref="FailureExplainer"/>). Publishing more never helps a check, so every core is a valid cut and the
/// first pattern the audit passes is optimal.
/// Large cubes are planned block by block (see <see cref="ProtectionAuditor.Blocks"/>): each block's loop
/// starts from the cells earlier blocks withheld. Withholding more never breaks a check, so every block's
/// requirements still hold at the end; only the optimality is then per block rather than overall.
/// </summary>
internal sealed class SuppressionPlanner
{
    private readonly LinkedTables tables;
    private readonly ProtectionAuditor auditor;

    public SuppressionPlanner(LinkedTables tables, ProtectionAuditor auditor)
    {
        this.tables = tables;
        this.auditor = auditor;
    }

    public bool[] Plan(bool[] forced, CancellationToken cancellationToken)
    {
        var pattern = forced;
        foreach (var block in auditor.Blocks())
        {
            pattern = PlanBlock(pattern, block, cancellationToken);
        }

        return pattern;
    }

    private bool[] PlanBlock(bool[] forced, ProtectionRequirement[] block, CancellationToken cancellationToken)
    {
        var cores = new List<int[]>();
        var known = new HashSet<string>(StringComparer.Ordinal);
        var pattern = forced;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var failureCores = auditor.FirstFailureCores(pattern, block, cancellationToken);
            if (failureCores.Length == 0)
            {
                return pattern;
            }

            foreach (var core in failureCores)
            {
                if (known.Add(string.Join(',', core)))
                {
                    cores.Add(core);
                }
            }

            pattern = SolveMaster(forced, cores, cancellationToken);
        }
    }

    /// <summary>Only cells in some core are candidates: withholding any other cell costs and satisfies no cut.</summary>
    private bool[] SolveMaster(bool[] forced, List<int[]> cores, CancellationToken cancellationToken)
    {
        var model = new CpModel();
        var free = cores.SelectMany(core => core).Distinct().Order().Select(index => tables.Cells[index]).ToArray();
        var suppress = free.ToDictionary(cell => cell.Index, cell => model.NewBoolVar($"s{cell.Index}"));
        foreach (var core in cores)
        {
            model.AddBoolOr(core.Select(index => (ILiteral)suppress[index]));
        }

        // Lexicographic: one more cell always costs more than any difference in withheld value. In a rollup a
        // cell adding up several units (a national figure) costs as many cells as units, so the units give way first.
        var valueWeight = free.Sum(cell => cell.Value) + 1;
        model.Minimize(LinearExpr.WeightedSum(
            free.Select(cell => suppress[cell.Index]),
            free.Select(cell => (valueWeight * auditor.UnitsSpanned(cell)) + cell.Value)));

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
}
