using Google.OrTools.Sat;

namespace Radikalisering.Disclosure;

/// <summary>
/// For a failing check, a set of published table cells whose publication alone makes it fail (a core). CP-SAT
/// proves the failure under one assumption per published cell ("this figure is printed") and names a subset of
/// the assumptions that suffices. Such a subset need not be the smallest; any failing set is a valid cut.
/// One explainer holds the model of one scope under one pattern; each check adds its own conditions to it, solves
/// and takes them off again, so the solver sees the same model as if it had been built for the check alone.
/// </summary>
internal sealed class FailureExplainer
{
    private readonly ScopeModel model;
    private readonly Dictionary<int, int> cellByAssumption = [];

    /// <param name="searchBound">Bounds every unknown: at least every table value, so the equations lose nothing (see <see cref="IntruderView"/>).</param>
    /// <param name="varyingSupports">The table cells' supports within <paramref name="varying"/> (see <see cref="LinkedTables.VaryingSupports"/>).</param>
    public FailureExplainer(Cube cube, long searchBound, int[] varying, IReadOnlyDictionary<int, int[]> varyingSupports, IEnumerable<int> published)
    {
        model = new ScopeModel(cube, varying, _ => searchBound);
        foreach (var index in published)
        {
            var assumption = model.Model.NewBoolVar($"p{index}");
            model.AddPublished(varyingSupports[index], enforcement: assumption);
            model.Model.AddAssumption(assumption);
            cellByAssumption[assumption.GetIndex()] = index;
        }
    }

    public int[] Core(WitnessQuery query, CancellationToken cancellationToken) => model.SolveRequiring(query, () =>
    {
        var solver = new CpSolver();
        var status = SolverSettings.Solve(model.Model, solver, cancellationToken, SolverSettings.FailureCoreParameters);
        if (status != CpSolverStatus.Infeasible)
        {
            throw new InvalidOperationException($"Explaining a failed check failed (solver status {status}).");
        }

        var core = solver.Response!.SufficientAssumptionsForInfeasibility.Select(literal => cellByAssumption[literal]).Order().ToArray();
        return core.Length > 0 ? core : throw new InvalidOperationException("A protection requirement fails even with every cell withheld.");
    });
}
