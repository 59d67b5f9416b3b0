using System.Runtime.ExceptionServices;
using Google.OrTools.Sat;

namespace Radikalisering.Disclosure;

/// <summary>
/// CP-SAT on one worker with a fixed seed and no wall-clock limit: the same model always gives the same answer.
/// The models are small and solved by the thousand, so presolve costs more than it saves; linearization level 2
/// puts the assumption-guarded equations of <see cref="FailureExplainer"/> into the linear relaxation, which
/// turns its proofs of failure from tens of milliseconds into about one. A deterministic time limit (counted in
/// the solver's own work units, not the clock) keeps the answer reproducible. Independent solves run on every
/// core (<see cref="EachInParallel"/>): each is still single-threaded with its fixed seed and writes its own result,
/// so the answers do not depend on the scheduling.
/// </summary>
internal static class SolverSettings
{
    /// <summary>
    /// Added for <see cref="FailureExplainer"/>: without probing and cuts at the root, its proofs under assumptions take
    /// about a third less time on models recorded from the 98-municipality rollup (a tenth less processor time for the
    /// whole rollup), and the rollup's cores, pattern and audit stayed the same.
    /// </summary>
    public const string FailureCoreParameters = ",cp_model_probing_level:0,cut_level:0";

    public static CpSolverStatus Solve(CpModel model, CpSolver solver, CancellationToken cancellationToken, string extraParameters = "")
    {
        solver.StringParameters = "num_workers:1,random_seed:0,log_search_progress:false,linearization_level:2,cp_model_presolve:false" + extraParameters;
        using var registration = cancellationToken.Register(solver.StopSearch);
        var status = solver.Solve(model);
        cancellationToken.ThrowIfCancellationRequested();
        return status;
    }

    /// <summary>Runs <paramref name="solve"/> for 0 ‥ count − 1 on every core; its first failure is thrown as itself.</summary>
    public static void EachInParallel(int count, Action<int> solve, CancellationToken cancellationToken)
    {
        try
        {
            Parallel.For(0, count, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount }, solve);
        }
        catch (AggregateException failure)
        {
            ExceptionDispatchInfo.Throw(failure.InnerExceptions[0]);
            throw;
        }
    }

    /// <summary>
    /// Runs <paramref name="solve"/> for 0 ‥ count − 1 on every core, in order of the index as cores free up; each core
    /// passes its own worker from <paramref name="newWorker"/> (its models, say) to every solve it runs.
    /// </summary>
    public static void EachInParallel<TWorker>(int count, Func<TWorker> newWorker, Action<TWorker, int> solve, CancellationToken cancellationToken)
    {
        var next = -1;
        EachInParallel(
            Math.Min(count, Environment.ProcessorCount),
            _ =>
            {
                var worker = newWorker();
                for (var index = Interlocked.Increment(ref next); index < count; index = Interlocked.Increment(ref next))
                {
                    solve(worker, index);
                }
            },
            cancellationToken);
    }
}
