using Google.OrTools.Sat;

namespace Radikalisering.Disclosure;

/// <summary>
/// For a failing check, a set of published table cells whose publication alone makes it fail (a core). CP-SAT
/// proves the failure under one assumption per published cell ("this figure is printed") and names a subset of
/// the assumptions that suffices. Such a subset need not be the smallest; any failing set is a valid cut.
/// </summary>
internal sealed class FailureExplainer
{
    private readonly LinkedTables tables;
    private readonly long searchBound;

    /// <param name="searchBound">Bounds every unknown: at least every table value, so the equations lose nothing (see <see cref="IntruderView"/>).</param>
    public FailureExplainer(LinkedTables tables, long searchBound)
    {
        this.tables = tables;
        this.searchBound = searchBound;
    }

    /// <param name="varyingSupports">The table cells' supports within <paramref name="varying"/> (see <see cref="LinkedTables.VaryingSupports"/>).</param>
    public int[] Core(WitnessQuery query, int[] varying, IReadOnlyDictionary<int, int[]> varyingSupports, IEnumerable<int> published, CancellationToken cancellationToken)
    {
        var model = new ScopeModel(tables.Cube, varying, _ => searchBound);
        var cellByAssumption = new Dictionary<int, int>();
        foreach (var index in published)
        {
            var assumption = model.Model.NewBoolVar($"p{index}");
            model.AddPublished(varyingSupports[index], enforcement: assumption);
            model.Model.AddAssumption(assumption);
            cellByAssumption[assumption.GetIndex()] = index;
        }

        model.Require(query);
        var solver = new CpSolver();
        var status = SolverSettings.Solve(model.Model, solver, cancellationToken, SolverSettings.FailureCoreParameters);
        if (status != CpSolverStatus.Infeasible)
        {
            throw new InvalidOperationException($"Explaining a failed check failed (solver status {status}).");
        }

        var core = solver.Response!.SufficientAssumptionsForInfeasibility.Select(literal => cellByAssumption[literal]).Order().ToArray();
        return core.Length > 0 ? core : throw new InvalidOperationException("A protection requirement fails even with every cell withheld.");
    }
}
