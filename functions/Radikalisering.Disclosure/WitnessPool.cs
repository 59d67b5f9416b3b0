using System.Runtime.InteropServices;

namespace Radikalisering.Disclosure;

/// <summary>
/// Every cube the solver has found so far, kept as a move away from the true cube. A move that leaves every
/// published figure unchanged can be taken any whole number of times, forwards or backwards, while no count
/// goes negative: each such cube is again consistent with the publication. So a found cube answers questions
/// under any pattern that withholds every table cell it changes, most of them without a solve.
/// Answering does not change the pool, so several threads may ask one pool that nobody adds to meanwhile;
/// a <see cref="Layer"/> keeps the cubes they find meanwhile.
/// </summary>
internal sealed class WitnessPool
{
    private readonly Cube cube;
    private readonly IReadOnlyList<int[]> coveringCells;
    private readonly WitnessPool? below;
    private readonly List<Move> moves = [];
    private readonly List<int>[]? movesByCubeCell;
    private readonly HashSet<(int[] Cells, long[] Steps)> seen = new(MoveComparer.Instance);

    /// <summary>Per table cell, the change of the move being added; all zero between additions. A layer uses its pool's.</summary>
    private readonly long[] change;

    /// <summary>The table cells whose change the move being added has set; empty between additions. A layer uses its pool's.</summary>
    private readonly List<int> touched;

    public WitnessPool(LinkedTables tables)
    {
        cube = tables.Cube;
        coveringCells = tables.CoveringCells;
        change = new long[tables.Cells.Count];
        touched = [];
        movesByCubeCell = [.. Enumerable.Range(0, cube.CellCount).Select(_ => new List<int>())];
    }

    private WitnessPool(WitnessPool below)
    {
        cube = below.cube;
        coveringCells = below.coveringCells;
        change = below.change;
        touched = below.touched;
        this.below = below;
    }

    /// <summary>
    /// A pool for the cubes found while this pool does not change: it answers from those cubes only (ask this pool
    /// first) and skips cubes this pool knows. A layer holds a few cubes and tries each of them on every question.
    /// </summary>
    public WitnessPool Layer() => new(this);

    /// <summary>Keeps a found cube given as the cube cells where it differs from the true cube and their steps away from it.</summary>
    public void Add(int[] moved, long[] steps)
    {
        if (moved.Length == 0 || Knows((moved, steps)))
        {
            return;
        }

        var id = moves.Count;
        moves.Add(new Move(moved, steps, ChangedTableCells(moved, steps)));
        seen.Add((moved, steps));
        if (movesByCubeCell is not null)
        {
            foreach (var cubeCell in moved)
            {
                movesByCubeCell[cubeCell].Add(id);
            }
        }
    }

    /// <summary>The table cells (ascending) whose sums the move changes, gathered in <see cref="change"/> and <see cref="touched"/>.</summary>
    private int[] ChangedTableCells(int[] moved, long[] steps)
    {
        for (var m = 0; m < moved.Length; m++)
        {
            foreach (var index in coveringCells[moved[m]])
            {
                if (change[index] == 0)
                {
                    touched.Add(index);
                }

                change[index] += steps[m];
            }
        }

        // Cleared as kept, so a table cell touched twice (its change went back to zero and away again) is kept once.
        var changed = 0;
        var touchedSoFar = CollectionsMarshal.AsSpan(touched);
        foreach (var index in touchedSoFar)
        {
            if (change[index] != 0)
            {
                touchedSoFar[changed++] = index;
                change[index] = 0;
            }
        }

        var changes = touchedSoFar[..changed].ToArray();
        touched.Clear();
        Array.Sort(changes);
        return changes;
    }

    /// <summary>
    /// Whether the true cube, or a known move within the scope taken some number of times, answers the query
    /// while every table cell the move changes is withheld. Only a move of a protected cell can change the
    /// protected sum. Keeping to the scope makes the answer the solver's own, whatever was found before.
    /// </summary>
    public bool Answers(WitnessQuery query, Func<int, bool> isPublished, bool[] inScope)
    {
        var trueSum = 0L;
        foreach (var cubeCell in query.Support)
        {
            trueSum += cube.CountAt(cubeCell);
        }

        if (Within(query, trueSum) && KnownRecordsAreTrue(query))
        {
            return true;
        }

        return AnswersByMove(query, isPublished, inScope, trueSum);
    }

    private bool KnownRecordsAreTrue(WitnessQuery query)
    {
        foreach (var cubeCell in query.KnownRecords)
        {
            if (cube.CountAt(cubeCell) < 1)
            {
                return false;
            }
        }

        return true;
    }

    private bool Knows((int[] Cells, long[] Steps) move) => seen.Contains(move) || (below?.Knows(move) ?? false);

    /// <summary>
    /// Only a move of a protected cell can change the protected sum, so the pool looks up the moves of each protected
    /// cell, the latest first, and tries a move at the first protected cell it moves only.
    /// </summary>
    private bool AnswersByMove(WitnessQuery query, Func<int, bool> isPublished, bool[] inScope, long trueSum)
    {
        if (movesByCubeCell is null)
        {
            foreach (var move in moves)
            {
                if (Answers(move, query, isPublished, inScope, trueSum))
                {
                    return true;
                }
            }

            return false;
        }

        foreach (var cubeCell in query.Support)
        {
            var candidates = movesByCubeCell[cubeCell];
            for (var c = candidates.Count - 1; c >= 0; c--)
            {
                var move = moves[candidates[c]];
                if (!MovesEarlierProtectedCell(move, query.Support, cubeCell) && Answers(move, query, isPublished, inScope, trueSum))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Whether the move, which moves <paramref name="cubeCell"/>, also moves a protected cell before it (supports are ascending).</summary>
    private static bool MovesEarlierProtectedCell(Move move, int[] support, int cubeCell)
    {
        foreach (var moved in move.Cells)
        {
            if (moved >= cubeCell)
            {
                return false;
            }

            if (Array.BinarySearch(support, moved) >= 0)
            {
                return true;
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

        foreach (var cubeCell in query.KnownRecords)
        {
            var m = Array.IndexOf(move.Cells, cubeCell);
            if (cube.CountAt(cubeCell) + (m < 0 ? 0 : times * move.Steps[m]) < 1)
            {
                return false;
            }
        }

        return true;
    }

    private static bool Within(WitnessQuery query, long sum) =>
        sum >= (query.AtLeast ?? long.MinValue) && sum <= (query.AtMost ?? long.MaxValue);

    private static long CeilingDivide(long numerator, long denominator) => (numerator + denominator - 1) / denominator;

    /// <summary>Cube cells (ascending) and how much each moves; the table cells whose sums the move changes.</summary>
    private sealed record Move(int[] Cells, long[] Steps, int[] Changes);

    /// <summary>Moves compared by their cells and steps.</summary>
    private sealed class MoveComparer : IEqualityComparer<(int[] Cells, long[] Steps)>
    {
        public static readonly MoveComparer Instance = new();

        public bool Equals((int[] Cells, long[] Steps) x, (int[] Cells, long[] Steps) y) =>
            x.Cells.AsSpan().SequenceEqual(y.Cells) && x.Steps.AsSpan().SequenceEqual(y.Steps);

        public int GetHashCode((int[] Cells, long[] Steps) move)
        {
            var hash = default(HashCode);
            hash.AddBytes(MemoryMarshal.AsBytes(move.Cells.AsSpan()));
            hash.AddBytes(MemoryMarshal.AsBytes(move.Steps.AsSpan()));
            return hash.ToHashCode();
        }
    }
}
