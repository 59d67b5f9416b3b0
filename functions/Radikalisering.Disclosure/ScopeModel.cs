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
