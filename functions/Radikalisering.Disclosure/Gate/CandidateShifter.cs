namespace Radikalisering.Disclosure;

/// <summary>
/// Answers a replay-gate question without the solver where it can: it takes a candidate already found and shifts
/// records between cube cells that lie in exactly the same printed table cells, which leaves every printed figure
/// as it is. The shifted cube is then checked against the question and against every passed-over level's
/// conditions, so whatever it returns is a true candidate; when it finds nothing the solver decides. The gate's
/// verdicts are therefore the same with or without it, only cheaper.
/// </summary>
internal sealed class CandidateShifter
{
    private readonly LinkedTables tables;
    private readonly List<AdmissionCondition[]> passedOver;
    private readonly int[][] sameClass;

    public CandidateShifter(LinkedTables tables, long?[] printed, List<AdmissionCondition[]> passedOver)
    {
        this.tables = tables;
        this.passedOver = passedOver;
        var cells = tables.Cube.CellCount;
        var byCovering = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var keys = new string[cells];
        for (var cell = 0; cell < cells; cell++)
        {
            keys[cell] = string.Join(',', tables.CoveringCells[cell].Where(index => printed[index] is not null));
            if (!byCovering.TryGetValue(keys[cell], out var members))
            {
                byCovering[keys[cell]] = members = [];
            }

            members.Add(cell);
        }

        sameClass = [.. keys.Select(key => byCovering[key].ToArray())];
    }

    /// <summary>A cube answering the query shifted from one of the candidates (checked against the passed-over levels when asked), or null.</summary>
    public long[]? Shift(IReadOnlyList<long[]> candidates, WitnessQuery query, bool amongCandidates)
    {
        var inSupport = new bool[sameClass.Length];
        foreach (var cell in query.Support)
        {
            inSupport[cell] = true;
        }

        var known = new bool[sameClass.Length];
        foreach (var cell in query.KnownRecords)
        {
            known[cell] = true;
        }

        foreach (var candidate in candidates)
        {
            var cube = (long[])candidate.Clone();
            if (PlaceKnownRecords(cube, query.KnownRecords, known)
                && Move(cube, query, inSupport, known)
                && (!amongCandidates || PassedOverFails(cube)))
            {
                return cube;
            }
        }

        return null;
    }

    private bool PlaceKnownRecords(long[] cube, int[] knownRecords, bool[] known)
    {
        foreach (var cell in knownRecords)
        {
            if (cube[cell] >= 1)
            {
                continue;
            }

            var donors = sameClass[cell];
            var donor = Array.FindIndex(donors, other => cube[other] >= (known[other] ? 2 : 1));
            if (donor < 0)
            {
                return false;
            }

            cube[donors[donor]]--;
            cube[cell]++;
        }

        return true;
    }

    /// <summary>Shifts records into the support (for AtLeast) or out of it (for AtMost) within each class; true when the query then holds.</summary>
    private bool Move(long[] cube, WitnessQuery query, bool[] inSupport, bool[] known)
    {
        var sum = query.Support.Sum(cell => cube[cell]);
        if (query.AtLeast is { } least)
        {
            foreach (var cell in query.Support)
            {
                foreach (var donor in sameClass[cell])
                {
                    if (sum >= least)
                    {
                        break;
                    }

                    var spare = inSupport[donor] ? 0 : cube[donor] - (known[donor] ? 1 : 0);
                    var moved = Math.Min(spare, least - sum);
                    if (moved > 0)
                    {
                        cube[donor] -= moved;
                        cube[cell] += moved;
                        sum += moved;
                    }
                }
            }
        }

        if (query.AtMost is { } most)
        {
            foreach (var cell in query.Support)
            {
                var receiver = Array.FindIndex(sameClass[cell], other => !inSupport[other]);
                var spare = cube[cell] - (known[cell] ? 1 : 0);
                var moved = Math.Min(spare, sum - most);
                if (receiver >= 0 && moved > 0)
                {
                    cube[cell] -= moved;
                    cube[sameClass[cell][receiver]] += moved;
                    sum -= moved;
                }
            }
        }

        return sum >= (query.AtLeast ?? long.MinValue) && sum <= (query.AtMost ?? long.MaxValue);
    }

    /// <summary>Every passed-over level has a condition the cube fails (so the engine would not have chosen it).</summary>
    private bool PassedOverFails(long[] cube)
    {
        var sums = new long[tables.Cells.Count];
        for (var index = 0; index < sums.Length; index++)
        {
            foreach (var cell in tables.Cells[index].Support)
            {
                sums[index] += cube[cell];
            }
        }

        foreach (var conditions in passedOver)
        {
            var fails = false;
            foreach (var condition in conditions)
            {
                var sum = 0L;
                foreach (var index in condition.Cells)
                {
                    sum += sums[index];
                }

                if (!condition.HoldsFor(sum))
                {
                    fails = true;
                    break;
                }
            }

            if (!fails)
            {
                return false;
            }
        }

        return true;
    }
}
