using Google.OrTools.Sat;

namespace Radikalisering.Disclosure;

/// <summary>
/// The cube an intruder cannot see, as a CP-SAT model: one non-negative integer per cube cell of the scope,
/// every other cube cell fixed at its true count.
/// </summary>
internal sealed class ScopeModel
{
    private readonly Cube cube;
    private readonly int[] varying;
    private readonly Dictionary<int, IntVar> cells = [];

    /// <param name="varying">The scope's cube cells, ascending.</param>
    public ScopeModel(Cube cube, int[] varying, Func<int, long> upperBound)
    {
        this.cube = cube;
        this.varying = varying;
        foreach (var cubeCell in varying)
        {
            cells[cubeCell] = Model.NewIntVar(0, upperBound(cubeCell), $"x{cubeCell}");
        }
    }

    public CpModel Model { get; } = new();

    /// <summary>Σ over the cube cells: unknowns inside the scope, true counts outside it.</summary>
    public LinearExpr Sum(int[] cubeCells)
    {
        var fixedPart = cubeCells.Where(cubeCell => !cells.ContainsKey(cubeCell)).Sum(cube.CountAt);
        return LinearExpr.Sum(cubeCells.Where(cells.ContainsKey).Select(cubeCell => cells[cubeCell])) + fixedPart;
    }

    /// <summary>
    /// Adds that a published table cell keeps its printed (true) value, optionally only when the enforcing
    /// literal holds. <paramref name="varyingInSupport"/> are the cell's cube cells inside the scope (see
    /// <see cref="LinkedTables.VaryingSupports"/>): the cells outside keep their true counts, so the unknowns
    /// must add up to what the true counts inside add up to. Written straight into the model's proto: the audit
    /// builds thousands of these small models, and building their equations through linear expressions, or
    /// walking a national figure's whole support for each, took a large part of a rollup's time.
    /// </summary>
    public void AddPublished(int[] varyingInSupport, BoolVar? enforcement = null)
    {
        var linear = new LinearConstraintProto();
        var total = 0L;
        foreach (var cubeCell in varyingInSupport)
        {
            linear.Vars.Add(cells[cubeCell].GetIndex());
            linear.Coeffs.Add(1);
            total += cube.CountAt(cubeCell);
        }

        linear.Domain.Add(total);
        linear.Domain.Add(total);
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

        foreach (var known in query.KnownRecords.Where(cells.ContainsKey).Select(cubeCell => cells[cubeCell]))
        {
            Model.Add(known >= 1);
        }
    }

    /// <summary>
    /// The cube the solver found, as the cube cells (ascending) where it differs from the true cube and by how much:
    /// the form the <see cref="WitnessPool"/> keeps.
    /// </summary>
    public (int[] Moved, long[] Steps) Changes(CpSolver solver)
    {
        var moved = new List<int>();
        var steps = new List<long>();
        foreach (var cubeCell in varying)
        {
            var step = solver.Value(cells[cubeCell]) - cube.CountAt(cubeCell);
            if (step != 0)
            {
                moved.Add(cubeCell);
                steps.Add(step);
            }
        }

        return ([.. moved], [.. steps]);
    }
}
