using Google.OrTools.Sat;

namespace Radikalisering.Disclosure;

/// <summary>
/// The cube an intruder cannot see, as a CP-SAT model: one non-negative integer per cube cell of the scope,
/// every other cube cell fixed at its true count.
/// </summary>
internal sealed class ScopeModel
{
    private readonly Cube cube;
    private readonly IntVar?[] cells;

    public ScopeModel(Cube cube, IEnumerable<int> varying, Func<int, long> upperBound)
    {
        this.cube = cube;
        cells = new IntVar?[cube.CellCount];
        foreach (var cubeCell in varying)
        {
            cells[cubeCell] = Model.NewIntVar(0, upperBound(cubeCell), $"x{cubeCell}");
        }
    }

    public CpModel Model { get; } = new();

    /// <summary>Σ over the cube cells: unknowns inside the scope, true counts outside it.</summary>
    public LinearExpr Sum(int[] cubeCells)
    {
        var fixedPart = cubeCells.Where(cubeCell => cells[cubeCell] is null).Sum(cube.CountAt);
        return LinearExpr.Sum(cubeCells.Select(cubeCell => cells[cubeCell]).OfType<IntVar>()) + fixedPart;
    }

    /// <summary>
    /// Adds Σ cube cells = value, optionally only when the enforcing literal holds. Written straight into the
    /// model's proto: the audit builds thousands of these small models, and building their equations through
    /// linear expressions took about a tenth of a rollup's time.
    /// </summary>
    public void AddSumEquals(int[] cubeCells, long value, BoolVar? enforcement = null)
    {
        var linear = new LinearConstraintProto();
        var rest = value;
        foreach (var cubeCell in cubeCells)
        {
            if (cells[cubeCell] is { } cell)
            {
                linear.Vars.Add(cell.GetIndex());
                linear.Coeffs.Add(1);
            }
            else
            {
                rest -= cube.CountAt(cubeCell);
            }
        }

        linear.Domain.Add(rest);
        linear.Domain.Add(rest);
        var constraint = new ConstraintProto { Linear = linear };
        if (enforcement is not null)
        {
            constraint.EnforcementLiteral.Add(enforcement.GetIndex());
        }

        Model.Model.Constraints.Add(constraint);
    }

    /// <summary>Adds the query's own conditions: a record in each known cell, and the protected sum's bounds.</summary>
    public void Require(WitnessQuery query)
    {
        var total = Sum(query.Support);
        if (query.AtMost is { } atMost)
        {
            Model.Add(total <= atMost);
        }

        if (query.AtLeast is { } atLeast)
        {
            Model.Add(total >= atLeast);
        }

        foreach (var known in query.KnownRecords.Select(cubeCell => cells[cubeCell]).OfType<IntVar>())
        {
            Model.Add(known >= 1);
        }
    }

    /// <summary>The whole cube the solver found: its values inside the scope, true counts outside.</summary>
    public long[] Values(CpSolver solver) =>
        [.. Enumerable.Range(0, cube.CellCount).Select(cubeCell => cells[cubeCell] is { } cell ? solver.Value(cell) : cube.CountAt(cubeCell))];
}
