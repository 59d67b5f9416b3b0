using System.Globalization;

namespace Radikalisering.Disclosure;

/// <summary>
/// How much work one replay gate may do, counted in units that do not depend on the machine: the questions its solver
/// is asked (each an exact search of at most <see cref="CandidateSolver.DefaultSearchNodes"/> nodes, then CP-SAT) and
/// CP-SAT's deterministic time (the solver's own count of its work, the same on every run with one worker and a fixed
/// seed). A gate that reaches the bound fails, as a gate that finds a small group does: the ladder goes on to a level
/// withholding more. Both counts are a function of the gate's inputs alone (the level and its printed figures), so an
/// intruder who replays the method reaches the bound exactly where the engine did (see docs/disclosure-control.md,
/// "The work bound").
/// </summary>
internal sealed class WorkBound(int questions, double solverTime)
{
    /// <summary>Questions per gate: a municipal year's gates ask at most a few hundred, a pooled gate about a thousand.</summary>
    public const int GateQuestions = 3_000;

    /// <summary>CP-SAT deterministic time per gate (roughly seconds of one core): a municipal pooled gate uses about 1.</summary>
    public const double GateSolverTime = 3.0;

    /// <summary>CP-SAT deterministic time for one question asked outside a gate's count (a year's own escape, see <see cref="YearEscape"/>).</summary>
    public const double QuestionSolverTime = 0.5;

    private int asked;
    private double spent;

    public static WorkBound ForGate() => new(GateQuestions, GateSolverTime);

    /// <summary>A bound for a single question: no question count, the solver time of one question.</summary>
    public static WorkBound ForQuestion() => new(int.MaxValue, QuestionSolverTime);

    /// <summary>Counts one question; throws <see cref="WorkBoundReachedException"/> past the bound.</summary>
    public void Ask()
    {
        if (++asked > questions)
        {
            throw new WorkBoundReachedException();
        }
    }

    /// <summary>The CP-SAT parameter limiting one solve to at most <paramref name="most"/> and to what is left; throws when nothing is left.</summary>
    public string SolverLimit(double most = double.MaxValue)
    {
        var left = Math.Min(most, solverTime - spent);
        if (left <= 0)
        {
            throw new WorkBoundReachedException();
        }

        return ",max_deterministic_time:" + left.ToString("0.0#########", CultureInfo.InvariantCulture);
    }

    public void Spend(double deterministicTime) => spent += deterministicTime;
}

/// <summary>A replay gate reached its <see cref="WorkBound"/>: the gate fails.</summary>
internal sealed class WorkBoundReachedException : Exception
{
    public WorkBoundReachedException()
        : base("The replay gate reached its work bound.")
    {
    }

    public WorkBoundReachedException(string message)
        : base(message)
    {
    }

    public WorkBoundReachedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
