using System.Collections.Concurrent;

namespace Radikalisering.Disclosure;

/// <summary>
/// Publishes "the years together" by the ladder over a stacked cube (see <see cref="StackedTables"/>): the pooled
/// tables take the levels of the year's ladder, tried cheapest first, and the year tables stay fixed as each year's
/// own publication printed them. A level is used when it is admissible for the pooled cube and the replay gate passes
/// over the joint candidates: stacked cubes that print every year's figures and the level's, fail one condition of
/// every cheaper pooled level, and reproduce every year's own publication. When none passes, no pooled figure is
/// printed. Gate verdicts and ranges depend only on the printed figures and are kept by them.
/// </summary>
internal sealed class PooledPublisher
{
    private readonly ConcurrentDictionary<string, PublicationLadder?> ladders = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, GateVerdict> verdicts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, AuditRanges> ranges = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> yearEscapes = new(StringComparer.Ordinal);

    public PooledResult Publish(PooledRequest request, CancellationToken cancellationToken)
    {
        var tables = StackedTables.Build([.. request.Years.Select(year => year.Cube)], request.Tables);
        var shape = ShapeKey(request);
        var ladder = ladders.GetOrAdd(shape, _ => PublicationLadder.TryBuild(tables.Pooled, request.Settings))
            ?? throw new ArgumentException("Pooled tables need a grand total and at most a ladder's number of combinations.", nameof(request));

        var printed = request.Years.Select((year, y) => YearInPool.PrintedFigures(year, tables.Years[y])).ToArray();
        var years = printed.Select(figures => YearInPool.Read(figures, ladder)).ToArray();
        if (years.Any(year => year is null))
        {
            return new PooledResult(PooledOutcome.YearNotFromLadder, Publication: null);
        }

        // A year withheld whole (fewer than k) gets no pooled figures, decided from the publications alone: were it left to
        // the gate, three such years would print a pooled total exactly when their sum is k to 2k − 2, and its absence
        // would tell the reader that the sum is not.
        if (years.Any(year => year!.WithheldWhole))
        {
            return Nothing;
        }

        if (years.Select((year, y) => year!.StillPrintedBy(tables.Years[y])).Contains(false))
        {
            return new PooledResult(PooledOutcome.YearChangedSincePublication, Publication: null);
        }

        var pooledLadder = PooledLadder(request, tables, ladder, shape);
        if (pooledLadder is null || years.Any(year => year!.PassedOver is null))
        {
            return Nothing;
        }

        var question = new PooledQuestion(tables, pooledLadder, [.. years.Select(year => year!)], yearEscapes);
        var yearsKey = string.Join('/', printed.Select(ReplayPublisher.Figures));
        var last = pooledLadder.Levels[^1];
        var boundReached = false;
        foreach (var level in pooledLadder.Levels.Where(level => level == last || ReplayPublisher.Admissible(pooledLadder, level, tables.Pooled)))
        {
            var pooledPrinted = tables.Pooled.Cells.Select(cell => level.Published[cell.Index] ? cell.Value : (long?)null).ToArray();
            var key = $"{shape}|after {ReplayPublisher.Figures(pooledLadder.Earlier)}|{pooledLadder.Levels.Count} levels|{yearsKey}|{level.Index}|{ReplayPublisher.Figures(pooledPrinted)}";
            var verdict = ReplayPublisher.Remember(verdicts, key, () => question.Gate(level, pooledPrinted, cancellationToken));
            boundReached |= verdict.BoundReached;
            if (verdict.Passed)
            {
                var audited = ReplayPublisher.Remember(ranges, key, () => question.Ranges(level, pooledPrinted, cancellationToken));
                return new PooledResult(PooledOutcome.Published, Result(request, tables.Pooled, pooledLadder, level, audited)) { WorkBoundReached = boundReached };
            }
        }

        return Nothing with { WorkBoundReached = boundReached };
    }

    private static PooledResult Nothing => new(PooledOutcome.NothingPrintable, Publication: null);

    /// <summary>The year's ladder for the pooled tables; after an earlier pooled publication, its republication ladder (null when none is left).</summary>
    private PublicationLadder? PooledLadder(PooledRequest request, StackedTables tables, PublicationLadder ladder, string shape)
    {
        var prior = new PriorPublication(request.PreviousPublication);
        if (!prior.PrintsAnything)
        {
            return ladder;
        }

        var (values, withheld) = prior.ByCurrentCell(tables.Pooled)
            ?? throw new ArgumentException("The previous pooled publication has a table or cell the request's tables do not.", nameof(request));
        var total = tables.Pooled.Cube.Total;
        return ReplayPublisher.Remember(ladders, $"{shape}|after {ReplayPublisher.Figures(values)}|{ladder.TotalMovedByLessThanThreshold(values, total)}", () => ladder.ForRepublication(values, withheld, total));
    }

    private static DisclosureResult Result(PooledRequest request, LinkedTables pooled, PublicationLadder ladder, PublicationLevel level, AuditRanges audited)
    {
        var threshold = request.Settings.Threshold;
        bool Small(TableCell cell) => cell.Value >= 1 && cell.Value < threshold;
        var withheld = pooled.Cells.Where(cell => !level.Published[cell.Index]).ToArray();
        var total = pooled.Cells.First(cell => cell.IsGrandTotal);
        var audit = new DisclosureAudit([.. withheld.Select((cell, i) => new CellInterval(cell.Table.Name, cell.Categories, audited.Intervals[i].Minimum, audited.Intervals[i].Maximum, Small(cell)))], Passed: true)
        {
            Revelations = [.. ReplayPublisher.Revelations(total, ladder, level, insidersExcluded: total.Value <= ladder.Threshold)],
            RangesExact = audited.Exact,
        };
        var published = request.Tables.Select((definition, t) => new PublishedTable(definition, [.. pooled.CellsOf(t).Select(cell => level.Published[cell.Index]
            ? new PublishedCell(cell.Categories, cell.Value, Suppression: null)
            : new PublishedCell(cell.Categories, Value: null, Small(cell) ? SuppressionReason.Primary : SuppressionReason.Secondary))]));
        return new DisclosureResult([.. published], audit, WholePublicationSuppressed: false);
    }

    private static string ShapeKey(PooledRequest request) =>
        $"{request.Years.Count}|{ReplayPublisher.ShapeKey(request.Years[0].Cube, request.Tables, request.Settings)}";
}
