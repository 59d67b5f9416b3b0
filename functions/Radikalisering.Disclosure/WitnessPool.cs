namespace Radikalisering.Disclosure;

/// <summary>
/// Every cube the solver has found so far, kept as a move away from the true cube. A move that leaves every
/// published figure unchanged can be taken any whole number of times, forwards or backwards, while no count
/// goes negative: each such cube is again consistent with the publication. So a found cube answers questions
/// under any pattern that withholds every table cell it changes, most of them without a solve.
/// </summary>
internal sealed class WitnessPool
{
    private readonly Cube cube;
    private readonly IReadOnlyList<int[]> coveringCells;
    private readonly List<Move> moves = [];
    private readonly List<int>[] movesByCubeCell;
    private readonly HashSet<string> seen = new(StringComparer.Ordinal);
    private int questions;

    public WitnessPool(LinkedTables tables)
    {
        cube = tables.Cube;
        coveringCells = tables.CoveringCells;
        movesByCubeCell = [.. Enumerable.Range(0, cube.CellCount).Select(_ => new List<int>())];
    }

    /// <summary>Keeps a cube the solver found consistent with some publication.</summary>
    public void Add(long[] values)
    {
        var moved = Enumerable.Range(0, values.Length).Where(cubeCell => values[cubeCell] != cube.CountAt(cubeCell)).ToArray();
        var steps = moved.Select(cubeCell => values[cubeCell] - cube.CountAt(cubeCell)).ToArray();
        if (moved.Length == 0 || !seen.Add(string.Join(',', moved.Zip(steps))))
        {
            return;
        }

        var change = new Dictionary<int, long>();
        for (var m = 0; m < moved.Length; m++)
        {
            foreach (var index in coveringCells[moved[m]])
            {
                change[index] = change.GetValueOrDefault(index) + steps[m];
            }
        }

        var id = moves.Count;
        moves.Add(new Move(moved, steps, [.. change.Where(pair => pair.Value != 0).Select(pair => pair.Key).Order()]));
        foreach (var cubeCell in moved)
        {
            movesByCubeCell[cubeCell].Add(id);
        }
    }

    /// <summary>
    /// Whether the true cube, or a known move within the scope taken some number of times, answers the query
    /// while every table cell the move changes is withheld. Only a move of a protected cell can change the
    /// protected sum. Keeping to the scope makes the answer the solver's own, whatever was found before.
    /// </summary>
    public bool Answers(WitnessQuery query, Func<int, bool> isPublished, bool[] inScope)
    {
        var trueSum = query.Support.Sum(cube.CountAt);
        if (Within(query, trueSum) && query.KnownRecords.All(cubeCell => cube.CountAt(cubeCell) >= 1))
        {
            return true;
        }

        questions++;
        foreach (var cubeCell in query.Support)
        {
            var candidates = movesByCubeCell[cubeCell];
            for (var c = candidates.Count - 1; c >= 0; c--)
            {
                var move = moves[candidates[c]];
                if (move.LastQuestion != questions && Answers(move, query, isPublished, inScope, trueSum))
                {
                    return true;
                }

                move.LastQuestion = questions;
            }
        }

        return false;
    }

    private bool Answers(Move move, WitnessQuery query, Func<int, bool> isPublished, bool[] inScope, long trueSum)
    {
        foreach (var cubeCell in move.Cells)
        {
            if (!inScope[cubeCell])
            {
                return false;
            }
        }

        foreach (var index in move.Changes)
        {
            if (isPublished(index))
            {
                return false;
            }
        }

        return Reaches(move, query, trueSum);
    }

    /// <summary>The fewest repetitions, forwards or backwards, that bring the sum within bounds; then every count must stay feasible.</summary>
    private bool Reaches(Move move, WitnessQuery query, long trueSum)
    {
        var step = 0L;
        for (var m = 0; m < move.Cells.Length; m++)
        {
            if (query.Support.Contains(move.Cells[m]))
            {
                step += move.Steps[m];
            }
        }

        foreach (var direction in (ReadOnlySpan<long>)[1, -1])
        {
            var stepHere = direction * step;
            var times = Repetitions(query, trueSum, stepHere);
            if (times is { } t && Within(query, trueSum + (t * stepHere)) && Feasible(move, query, direction * t))
            {
                return true;
            }
        }

        return false;
    }

    private static long? Repetitions(WitnessQuery query, long trueSum, long step) => (query.AtLeast, query.AtMost) switch
    {
        ({ } atLeast, _) when trueSum < atLeast => step > 0 ? CeilingDivide(atLeast - trueSum, step) : null,
        (_, { } atMost) when trueSum > atMost => step < 0 ? CeilingDivide(trueSum - atMost, -step) : null,
        _ => null,
    };

    private bool Feasible(Move move, WitnessQuery query, long times)
    {
        for (var m = 0; m < move.Cells.Length; m++)
        {
            if (cube.CountAt(move.Cells[m]) + (times * move.Steps[m]) < 0)
            {
                return false;
            }
        }

        return query.KnownRecords.All(cubeCell =>
        {
            var m = Array.IndexOf(move.Cells, cubeCell);
            return cube.CountAt(cubeCell) + (m < 0 ? 0 : times * move.Steps[m]) >= 1;
        });
    }

    private static bool Within(WitnessQuery query, long sum) =>
        sum >= (query.AtLeast ?? long.MinValue) && sum <= (query.AtMost ?? long.MaxValue);

    private static long CeilingDivide(long numerator, long denominator) => (numerator + denominator - 1) / denominator;

    /// <summary>Cube cells and how much each moves; the table cells whose sums the move changes.</summary>
    private sealed record Move(int[] Cells, long[] Steps, int[] Changes)
    {
        /// <summary>The last question this move was tried on, so a move listed under several protected cells is tried once.</summary>
        public int LastQuestion { get; set; }
    }
}
