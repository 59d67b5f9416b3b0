using Google.OrTools.Sat;

namespace Radikalisering.Disclosure;

/// <summary>
/// CP-SAT on one worker with a fixed seed and no wall-clock limit: the same model always gives the same answer.
/// The models are small and solved by the thousand, so presolve costs more than it saves. A deterministic time
/// limit (counted in the solver's own work units, not the clock) keeps the answer reproducible.
/// </summary>
internal static class SolverSettings
{
    public static CpSolverStatus Solve(CpModel model, CpSolver solver, CancellationToken cancellationToken, string extraParameters = "")
    {
        solver.StringParameters = "num_workers:1,random_seed:0,log_search_progress:false,linearization_level:2,cp_model_presolve:false" + extraParameters;
        using var registration = cancellationToken.Register(solver.StopSearch);
        var status = solver.Solve(model);
        cancellationToken.ThrowIfCancellationRequested();
        return status;
    }
}
