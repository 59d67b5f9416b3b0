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
    private readonly Dictionary<int, int> positions = [];
    private readonly long[] upperBounds;
    private readonly List<CubeSum> publishedSums = [];
    private readonly List<(long[] Low, long[] High)> searchFrames = [];

    /// <param name="varying">The scope's cube cells, ascending.</param>
    public ScopeModel(Cube cube, int[] varying, Func<int, long> upperBound)
    {
        this.cube = cube;
        this.varying = varying;
        upperBounds = new long[varying.Length];
        for (var position = 0; position < varying.Length; position++)
        {
            var cubeCell = varying[position];
            upperBounds[position] = upperBound(cubeCell);
            positions[cubeCell] = position;
            cells[cubeCell] = Model.NewIntVar(0, upperBounds[position], $"x{cubeCell}");
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
        if (enforcement is null)
        {
            // Each cube cell once (see LinkedTables.VaryingSupports), so built directly, without CubeSum.Of's counting.
            int[] terms = [.. varyingInSupport.Select(cubeCell => positions[cubeCell])];
            publishedSums.Add(new CubeSum(terms, [.. terms.Select(_ => 1L)], total, total));
        }
    }

    /// <summary>
    /// The query answered by the exact <see cref="CubeSearch"/> over the scope's unknowns and the unconditional published
    /// figures, within <paramref name="nodeBudget"/> nodes: a cube found is checked against every figure and the query.
    /// </summary>
    public (SearchOutcome Outcome, (int[] Moved, long[] Steps)? Witness) SearchExactly(WitnessQuery query, int nodeBudget, CancellationToken cancellationToken)
    {
        var lowest = new long[varying.Length];
        foreach (var known in query.KnownRecords)
        {
            if (positions.TryGetValue(known, out var position))
            {
                lowest[position] = 1;
            }
        }

        var fixedPart = query.Support.Where(cubeCell => !positions.ContainsKey(cubeCell)).Sum(cube.CountAt);
        var target = CubeSum.Of(
            query.Support.Where(positions.ContainsKey).Select(cubeCell => positions[cubeCell]),
            query.AtLeast is { } atLeast ? atLeast - fixedPart : long.MinValue,
            query.AtMost is { } atMost ? atMost - fixedPart : long.MaxValue);
        var (outcome, found) = new CubeSearch(lowest, upperBounds, [.. publishedSums, target], [], nodeBudget, searchFrames).Find(cancellationToken);
        if (found is null)
        {
            return (outcome, null);
        }

        var meetsSums = publishedSums.Append(target).All(sum => sum.Lower <= sum.Value(found) && sum.Value(found) <= sum.Upper);
        if (!meetsSums || lowest.Where((least, position) => found[position] < least).Any())
        {
            throw new InvalidOperationException("The exact search returned a cube that breaks a published figure or the query.");
        }

        return (outcome, Changes(position => found[position]));
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
    public (int[] Moved, long[] Steps) Changes(CpSolver solver) => Changes(position => solver.Value(cells[varying[position]]));

    private (int[] Moved, long[] Steps) Changes(Func<int, long> valueAt)
    {
        var moved = new List<int>();
        var steps = new List<long>();
        for (var position = 0; position < varying.Length; position++)
        {
            var cubeCell = varying[position];
            var step = valueAt(position) - cube.CountAt(cubeCell);
            if (step != 0)
            {
                moved.Add(cubeCell);
                steps.Add(step);
            }
        }

        return ([.. moved], [.. steps]);
    }
}
