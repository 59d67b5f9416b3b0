using System.Collections.Concurrent;

namespace Radikalisering.Disclosure;

/// <summary>
/// Publishes a year by the ladder: the cheapest level the year is admissible for and whose replay gate passes,
/// else the last level (the grand total alone). Every decision other than admissibility is a function of the
/// printed figures, and admissibility only ever asks "is this figure at least k", so the withheld pattern can
/// arise from a zero and from k or more in every withheld cell (see docs/disclosure-control.md for the proof).
/// Gate verdicts and audit ranges depend only on the printed figures, so they are kept by those figures: a
/// replaying intruder (or a test playing one) protecting millions of candidate cubes pays for each distinct
/// publication once.
/// </summary>
internal sealed class ReplayPublisher(Func<WorkBound> gateBound)
{
    /// <summary>Kept verdicts and ranges beyond this many are dropped and recomputed on demand.</summary>
    private const int LargestMemory = 200_000;

    private readonly ConcurrentDictionary<string, PublicationLadder?> ladders = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, GateVerdict> verdicts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, AuditRanges> ranges = new(StringComparer.Ordinal);

    /// <summary>
    /// The ladder for the request's tables, or null when the request is not laddered (see <see cref="PublicationLadder.TryBuild"/>
    /// and <see cref="PublicationLadder.ForRepublication"/>). An earlier publication that printed nothing adds nothing.
    /// </summary>
    public PublicationLadder? LadderFor(DisclosureRequest request, LinkedTables tables, PriorPublication prior)
    {
        var first = ladders.GetOrAdd(ShapeKey(request), _ => PublicationLadder.TryBuild(tables, request.Settings));
        if (first is null || !prior.PrintsAnything)
        {
            return first;
        }

        var total = request.Cube.Total;
        return prior.ByCurrentCell(tables) is { } earlier
            ? Remember(ladders, $"{ShapeKey(request)}|after {Figures(earlier.Values)}|{first.TotalMovedByLessThanThreshold(earlier.Values, total)}", () => first.ForRepublication(earlier.Values, earlier.Withheld, total))
            : null;
    }

    /// <summary>
    /// The chosen level's withheld cells and audit. When even the last level's gate reached its work bound, nothing is
    /// printed, the grand total included: the choice then depends on the printed total alone (see
    /// docs/disclosure-control.md, "The work bound").
    /// </summary>
    public (bool[] Suppressed, DisclosureAudit Audit) Publish(DisclosureRequest request, LinkedTables tables, PublicationLadder ladder, CancellationToken cancellationToken)
    {
        var shape = $"{ShapeKey(request)}|after {Figures(ladder.Earlier)}|{ladder.Levels.Count} levels";
        var (chosen, verdict, boundReached) = Choose(shape, tables, ladder, cancellationToken);
        var threshold = request.Settings.Threshold;
        if (verdict.BoundReached)
        {
            return (
                Enumerable.Repeat(true, tables.Cells.Count).ToArray(),
                new DisclosureAudit([.. tables.Cells.Select(cell => new CellInterval(cell.Table.Name, cell.Categories, 0, long.MaxValue, cell.Value >= 1 && cell.Value < threshold))], Passed: true) { WorkBoundReached = true });
        }

        var suppressed = chosen.Published.Select(published => !published).ToArray();
        var audited = Remember(ranges, $"{shape}|{chosen.Index}|{Figures(Printed(tables, chosen))}", () => PublishedRanges.Of(tables, suppressed, cancellationToken));
        var intervals = audited.Intervals;
        var withheld = tables.Cells.Where(cell => suppressed[cell.Index]).ToArray();
        var audit = new DisclosureAudit(
            [.. withheld.Select((cell, i) => new CellInterval(cell.Table.Name, cell.Categories, intervals[i].Minimum, intervals[i].Maximum, cell.Value >= 1 && cell.Value < threshold))],
            verdict.Passed)
        {
            Revelations = [.. Revelations(tables.Cells.First(cell => cell.IsGrandTotal), ladder, chosen, verdict.InsidersExcluded)],
            WorkBoundReached = boundReached,
            RangesExact = audited.Exact,
        };
        return (suppressed, audit);
    }

    /// <summary>
    /// What a ladder publication knowingly reveals: a printed total of k to insiders, a printed margin of a cross-classification
    /// that is not published to insiders, and a total moved by less than k since the earlier publication.
    /// </summary>
    public static IEnumerable<Revelation> Revelations(TableCell total, PublicationLadder ladder, PublicationLevel level, bool insidersExcluded)
    {
        if (insidersExcluded)
        {
            yield return Revelation.OthersBelowThresholdForInsiders;
        }

        if (ladder.Tables.ImpliedCrossTables.Any(cross => cross.Rows.Concat(cross.Columns).Any(index => level.Published[index])))
        {
            yield return Revelation.CrossClassificationToInsiders;
        }

        if (ladder.Earlier[total.Index] is { } before && Math.Abs(total.Value - before) is var moved && moved >= 1 && moved < ladder.Threshold)
        {
            yield return Revelation.TotalMovedByLessThanThreshold;
        }
    }

    /// <summary>The cheapest admissible level whose gate passes; else the last level, with its own verdict; and whether a gate tried reached its work bound.</summary>
    private (PublicationLevel Level, GateVerdict Verdict, bool BoundReached) Choose(string shape, LinkedTables tables, PublicationLadder ladder, CancellationToken cancellationToken)
    {
        var last = ladder.Levels[^1];
        var boundReached = false;
        foreach (var level in ladder.Levels.Where(level => level != last && Admissible(ladder, level, tables)).Append(last))
        {
            var printed = Printed(tables, level);
            var verdict = Remember(verdicts, $"{shape}|{level.Index}|{Figures(printed)}", () => ReplayGate.Check(ladder, level, printed, gateBound(), cancellationToken));
            boundReached |= verdict.BoundReached;
            if (verdict.Passed || level == last)
            {
                return (level, verdict, boundReached);
            }
        }

        throw new InvalidOperationException("The ladder has no last level.");
    }

    public static bool Admissible(PublicationLadder ladder, PublicationLevel level, LinkedTables tables)
    {
        // The cheap necessary part first: most levels fail on a printed cell below k.
        foreach (var cell in tables.Cells)
        {
            if (level.Published[cell.Index] && cell.Value < ladder.Threshold)
            {
                return false;
            }
        }

        return ladder.Conditions(level, tables.Cube.Total).All(condition => condition.HoldsFor(condition.Cells.Sum(index => tables.Cells[index].Value)));
    }

    private static long?[] Printed(LinkedTables tables, PublicationLevel level) =>
        [.. tables.Cells.Select(cell => level.Published[cell.Index] ? cell.Value : (long?)null)];

    public static string Figures(long?[] printed) => string.Join(',', printed.Select(value => value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "."));

    public static T Remember<T>(ConcurrentDictionary<string, T> memory, string key, Func<T> compute)
    {
        if (memory.TryGetValue(key, out var known))
        {
            return known;
        }

        if (memory.Count >= LargestMemory)
        {
            memory.Clear();
        }

        return memory.GetOrAdd(key, _ => compute());
    }

    private static string ShapeKey(DisclosureRequest request) => ShapeKey(request.Cube, request.Tables, request.Settings);

    /// <summary>What fixes a ladder: the cube's dimensions, the tables, the threshold and the cell costs.</summary>
    public static string ShapeKey(Cube cube, IReadOnlyList<TableDefinition> tables, DisclosureSettings settings) => string.Join(
        '|',
        string.Join(';', cube.Dimensions.Select(dimension => $"{dimension.Name}:{string.Join(',', dimension.Categories)}")),
        string.Join(';', tables.Select(table => $"{table.Name}:{string.Join(',', table.Dimensions)}")),
        settings.Threshold,
        string.Join(';', (settings.Costs ?? []).Select(cost => $"{cost.Table}:{cost.Category}:{cost.Cost}")));
}
