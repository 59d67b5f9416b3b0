namespace Radikalisering.Tests.Disclosure;

/// <summary>
/// What the cubes of one publication let each intruder learn about each target, for the replaying attackers: per
/// target and intruder (0: the outsider; 1 + c: an insider who knows a record in cube cell c), the least and greatest
/// number of the target's other records over the cubes seen, and whether some cube made the target small.
/// </summary>
internal sealed class IntruderRanges(int targets, int cells)
{
    private readonly long[,] minimum = Fill(targets, cells + 1, long.MaxValue);
    private readonly long[,] maximum = Fill(targets, cells + 1, long.MinValue);
    private readonly bool[,] atRisk = new bool[targets, cells + 1];

    /// <summary>Whether intruder <paramref name="intruder"/> was asked about target <paramref name="target"/> in some cube.</summary>
    public bool Seen(int target, int intruder) => minimum[target, intruder] != long.MaxValue;

    public long Minimum(int target, int intruder) => minimum[target, intruder];

    public long Maximum(int target, int intruder) => maximum[target, intruder];

    /// <summary>
    /// Takes one cube: <paramref name="sum"/> is the target's count in it over <paramref name="support"/>; a target with a
    /// <paramref name="line"/> is a group fact about that line. Insiders in an empty cell or in <paramref name="notAsked"/> are skipped.
    /// </summary>
    public void Add(int target, long[] counts, long sum, int[] support, int[]? line, int threshold, int[] notAsked)
    {
        var lineSum = 0L;
        foreach (var cell in line ?? [])
        {
            lineSum += counts[cell];
        }

        for (var insider = -1; insider < cells; insider++)
        {
            if (insider >= 0 && (counts[insider] == 0 || notAsked.Contains(insider)))
            {
                continue;
            }

            var others = sum - (insider >= 0 && support.Contains(insider) ? 1 : 0);
            var lineOthers = lineSum - (insider >= 0 && (line ?? []).Contains(insider) ? 1 : 0);
            var i = insider + 1;
            minimum[target, i] = Math.Min(minimum[target, i], others);
            maximum[target, i] = Math.Max(maximum[target, i], others);

            // A cell is at risk when this cube makes it small; a line when its whole (other) count sits in one cell.
            atRisk[target, i] |= line is null ? others is >= 1 && others < threshold : others == 0 && lineOthers > 0;
        }
    }

    /// <summary>
    /// Whether the promise fails for the intruder: some cube made the target small, yet it cannot be empty (a line always
    /// can) or cannot reach k.
    /// </summary>
    public bool BreaksPromise(int target, int intruder, bool isLine, int threshold) =>
        atRisk[target, intruder] && ((!isLine && minimum[target, intruder] > 0) || maximum[target, intruder] < threshold);

    public string Range(int target, int intruder) => $"{minimum[target, intruder]}..{maximum[target, intruder]}";

    private static long[,] Fill(int rows, int columns, long value)
    {
        var array = new long[rows, columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                array[r, c] = value;
            }
        }

        return array;
    }
}
