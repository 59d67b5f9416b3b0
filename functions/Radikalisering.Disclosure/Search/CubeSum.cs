using System.Collections.Concurrent;

namespace Radikalisering.Disclosure;

/// <summary>
/// Σ weight · x over cube cells, required to lie within [Lower, Upper]; long.MinValue and long.MaxValue mean no bound.
/// A cube cell listed twice (the supports of two overlapping table cells) gets weight 2.
/// </summary>
internal sealed record CubeSum(int[] Cells, long[] Weights, long Lower, long Upper)
{
    private static readonly ConcurrentDictionary<int, long[]> OnesOfLength = new();

    /// <summary>Weights of one for as many cells, shared: a sum's weights are never changed.</summary>
    public static long[] Ones(int length) => OnesOfLength.GetOrAdd(length, count => Enumerable.Repeat(1L, count).ToArray());

    public static CubeSum Of(IEnumerable<int> cells, long lower, long upper)
    {
        var weights = new SortedDictionary<int, long>();
        foreach (var cell in cells)
        {
            weights[cell] = weights.GetValueOrDefault(cell) + 1;
        }

        return new CubeSum([.. weights.Keys], [.. weights.Values], lower, upper);
    }

    /// <summary>
    /// Sums implied by whole-cell equalities (weight 1), which interval propagation over single cells cannot see: the
    /// difference of two nested ones (E ⊃ F: the cells of E outside F hold e − f), and then the common part of two
    /// overlapping ones (a and b) inside the grand total T, which holds at least a + b − T. Adding them changes no
    /// answer; without them a search proves such bounds only by trying every split of the cells.
    /// </summary>
    public static IEnumerable<CubeSum> Implied(IReadOnlyList<CubeSum> equalities, int cubeCells)
    {
        var whole = equalities.Where(sum => sum.Lower == sum.Upper && sum.Weights.All(weight => weight == 1)).ToList();
        if (whole.FirstOrDefault(sum => sum.Cells.Length == cubeCells) is not { } total)
        {
            yield break;
        }

        var known = whole.Select(sum => string.Join(',', sum.Cells)).ToHashSet(StringComparer.Ordinal);
        foreach (var outer in whole.ToArray())
        {
            foreach (var inner in whole.ToArray().Where(inner => inner.Cells.Length < outer.Cells.Length && inner.Cells.All(outer.Cells.Contains)))
            {
                var rest = Of(outer.Cells.Except(inner.Cells), outer.Lower - inner.Lower, outer.Lower - inner.Lower);
                if (known.Add(string.Join(',', rest.Cells)))
                {
                    whole.Add(rest);
                    yield return rest;
                }
            }
        }

        var least = new Dictionary<string, (int[] Cells, long Lower)>(StringComparer.Ordinal);
        for (var i = 0; i < whole.Count; i++)
        {
            for (var j = i + 1; j < whole.Count; j++)
            {
                var common = whole[i].Cells.Intersect(whole[j].Cells).ToArray();
                var lower = whole[i].Lower + whole[j].Lower - total.Lower;
                if (lower > 0 && common.Length > 0 && common.Length < Math.Min(whole[i].Cells.Length, whole[j].Cells.Length))
                {
                    var key = string.Join(',', common);
                    if (!least.TryGetValue(key, out var found) || found.Lower < lower)
                    {
                        least[key] = (common, lower);
                    }
                }
            }
        }

        foreach (var (cells, lower) in least.Values)
        {
            yield return Of(cells, lower, long.MaxValue);
        }
    }

    public long Value(long[] cube)
    {
        var value = 0L;
        for (var term = 0; term < Cells.Length; term++)
        {
            value += Weights[term] * cube[Cells[term]];
        }

        return value;
    }
}
