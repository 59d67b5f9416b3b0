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
    private readonly Dictionary<int, int> positions = [];
    private readonly IntVar[] variables;
    private readonly long[] upperBounds;

    /// <summary>The unconditional published sums, and while <see cref="SearchExactly"/> runs its query's sum last.</summary>
    private readonly List<CubeSum> searchSums = [];
    private readonly List<(long[] Low, long[] High)> searchFrames = [];
    private readonly long[] searchLowest;

    /// <param name="varying">The scope's cube cells, ascending.</param>
    public ScopeModel(Cube cube, int[] varying, Func<int, long> upperBound)
    {
        this.cube = cube;
        this.varying = varying;
        upperBounds = new long[varying.Length];
        variables = new IntVar[varying.Length];
        searchLowest = new long[varying.Length];
        for (var position = 0; position < varying.Length; position++)
        {
            var cubeCell = varying[position];
            upperBounds[position] = upperBound(cubeCell);
            positions[cubeCell] = position;
            variables[position] = Model.NewIntVar(0, upperBounds[position], string.Empty);
        }
    }

    public CpModel Model { get; } = new();

    /// <summary>Σ over the cube cells: unknowns inside the scope, true counts outside it.</summary>
    public LinearExpr Sum(int[] cubeCells)
    {
        var fixedPart = cubeCells.Where(cubeCell => !positions.ContainsKey(cubeCell)).Sum(cube.CountAt);
        return LinearExpr.Sum(cubeCells.Where(positions.ContainsKey).Select(cubeCell => variables[positions[cubeCell]])) + fixedPart;
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
        var terms = new int[varyingInSupport.Length];
        var variableIndices = new int[varyingInSupport.Length];
        var total = 0L;
        for (var term = 0; term < varyingInSupport.Length; term++)
        {
            var cubeCell = varyingInSupport[term];
            terms[term] = positions[cubeCell];
            variableIndices[term] = variables[terms[term]].GetIndex();
            total += cube.CountAt(cubeCell);
        }

        // Each cube cell once (see LinkedTables.VaryingSupports): weights of one, shared, for the model and the search.
        var ones = CubeSum.Ones(terms.Length);
        var linear = new LinearConstraintProto();
        linear.Vars.AddRange(variableIndices);
        linear.Coeffs.AddRange(ones);
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
            searchSums.Add(new CubeSum(terms, ones, total, total));
        }
    }

    /// <summary>
    /// The query answered by the exact <see cref="CubeSearch"/> over the scope's unknowns and the unconditional published
    /// figures, within <paramref name="nodeBudget"/> nodes: a cube found is checked against every figure and the query.
    /// </summary>
    /// <remarks>One search at a time per model: the search's inputs and ranges are kept on the model between questions.</remarks>
    public (SearchOutcome Outcome, (int[] Moved, long[] Steps)? Witness) SearchExactly(WitnessQuery query, int nodeBudget, CancellationToken cancellationToken)
    {
        Array.Clear(searchLowest);
        foreach (var known in query.KnownRecords)
        {
            if (positions.TryGetValue(known, out var position))
            {
                searchLowest[position] = 1;
            }
        }

        searchSums.Add(QuerySum(query));
        try
        {
            var (outcome, found) = new CubeSearch(searchLowest, upperBounds, searchSums, [], nodeBudget, searchFrames).Find(cancellationToken);
            if (found is null)
            {
                return (outcome, null);
            }

            if (!searchSums.TrueForAll(sum => sum.Lower <= sum.Value(found) && sum.Value(found) <= sum.Upper)
                || searchLowest.Where((least, position) => found[position] < least).Any())
            {
                throw new InvalidOperationException("The exact search returned a cube that breaks a published figure or the query.");
            }

            return (outcome, Changes(position => found[position]));
        }
        finally
        {
            searchSums.RemoveAt(searchSums.Count - 1);
        }
    }

    /// <summary>The query's bounds on its support, over the scope's unknowns (supports are ascending, and so are their positions).</summary>
    private CubeSum QuerySum(WitnessQuery query)
    {
        var fixedPart = 0L;
        var terms = new List<int>(query.Support.Length);
        foreach (var cubeCell in query.Support)
        {
            if (positions.TryGetValue(cubeCell, out var position))
            {
                terms.Add(position);
            }
            else
            {
                fixedPart += cube.CountAt(cubeCell);
            }
        }

        return new CubeSum(
            [.. terms],
            CubeSum.Ones(terms.Count),
            query.AtLeast is { } atLeast ? atLeast - fixedPart : long.MinValue,
            query.AtMost is { } atMost ? atMost - fixedPart : long.MaxValue);
    }

    /// <summary>
    /// Runs <paramref name="solve"/> on the model with the query's own conditions added (<see cref="Require"/>), and takes
    /// them off again after, so the model serves the next query as it was built.
    /// </summary>
    public T SolveRequiring<T>(WitnessQuery query, Func<T> solve)
    {
        var constraints = Model.Model.Constraints;
        var shared = constraints.Count;
        try
        {
            Require(query);
            return solve();
        }
        finally
        {
            while (constraints.Count > shared)
            {
                constraints.RemoveAt(constraints.Count - 1);
            }
        }
    }

    /// <summary>Adds the query's own conditions: a record in each known cell, and the protected sum's bounds.</summary>
    private void Require(WitnessQuery query)
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

        foreach (var known in query.KnownRecords.Where(positions.ContainsKey).Select(cubeCell => variables[positions[cubeCell]]))
        {
            Model.Add(known >= 1);
        }
    }

    /// <summary>
    /// The cube the solver found, as the cube cells (ascending) where it differs from the true cube and by how much:
    /// the form the <see cref="WitnessPool"/> keeps.
    /// </summary>
    public (int[] Moved, long[] Steps) Changes(CpSolver solver) => Changes(position => solver.Value(variables[position]));

    /// <remarks>Two passes, counting and then filling, so that only the result is allocated.</remarks>
    private (int[] Moved, long[] Steps) Changes(Func<int, long> valueAt)
    {
        var count = 0;
        for (var position = 0; position < varying.Length; position++)
        {
            count += valueAt(position) != cube.CountAt(varying[position]) ? 1 : 0;
        }

        var moved = new int[count];
        var steps = new long[count];
        for (int position = 0, m = 0; m < count; position++)
        {
            var step = valueAt(position) - cube.CountAt(varying[position]);
            if (step != 0)
            {
                (moved[m], steps[m]) = (varying[position], step);
                m++;
            }
        }

        return (moved, steps);
    }
}
