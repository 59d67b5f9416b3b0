namespace Radikalisering.Disclosure;

/// <summary>
/// Statistical disclosure control for linked frequency tables. A year's publications (the first and every
/// republication) are chosen from a fixed ladder of publications by rules an intruder who replays the method learns
/// nothing more from (see <see cref="ReplayPublisher"/>), with an exact integer audit of the printed figures. A request
/// the ladder cannot take is refused (<see cref="LadderRefusedException"/>).
/// </summary>
public sealed class DisclosureEngine
{
    private readonly ReplayPublisher replay;
    private readonly PooledPublisher pooled = new();

    /// <summary>The most cells a cube may have: the ladder's gate and audit search the whole cube exactly.</summary>
    public const int LargestCube = 256;

    public DisclosureEngine()
        : this(WorkBound.ForGate)
    {
    }

    /// <param name="gateBound">Each single-year gate's work bound (tests set a small one to see the engine past it).</param>
    internal DisclosureEngine(Func<WorkBound> gateBound)
    {
        replay = new ReplayPublisher(gateBound);
    }

    /// <summary>
    /// Publishes the request by the ladder, safe against an intruder who replays the method, also when it republishes
    /// a period.
    /// </summary>
    /// <exception cref="LadderRefusedException">
    /// The cube has more than <see cref="LargestCube"/> cells, the tables are not laddered (no grand total, too many
    /// combinations), or the earlier publication was not made by the ladder.
    /// </exception>
    public DisclosureResult Protect(DisclosureRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequestValidator.Validate(request);
        if (request.Cube.CellCount > LargestCube)
        {
            throw new LadderRefusedException(LadderRefusal.CubeTooLarge);
        }

        var tables = LinkedTables.Build(request.Cube, request.Tables);
        var prior = new PriorPublication(request.PreviousPublication);
        var ladder = replay.LadderFor(request, tables, prior)
            ?? throw new LadderRefusedException(prior.PrintsAnything && replay.LadderFor(request, tables, new PriorPublication(null)) is not null
                ? LadderRefusal.PreviousPublicationNotFromLadder
                : LadderRefusal.TablesOutsideLadder);
        return ProtectByLadder(request, tables, ladder, cancellationToken);
    }

    /// <summary>
    /// "The last years together": the request's tables summed over the years, published jointly with the years' own
    /// publications so that no difference between pooled and single-year figures narrows what those protect.
    /// </summary>
    public PooledResult ProtectPooled(PooledRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        PooledRequestValidator.Validate(request);
        return pooled.Publish(request, cancellationToken);
    }

    private DisclosureResult ProtectByLadder(DisclosureRequest request, LinkedTables tables, PublicationLadder ladder, CancellationToken cancellationToken)
    {
        var threshold = request.Settings.Threshold;
        if (request.Cube.Total < threshold)
        {
            // Years of 0 to k − 1 concerns look alike: none is printed, so a withheld year does not say "at least one".
            var reasons = new SuppressionReason?[tables.Cells.Count];
            var pattern = SmallTotalPattern(tables, new PriorPublication(request.PreviousPublication), request.Settings.SmallTotal, reasons);
            var everything = request.Settings.SmallTotal == SmallTotalPolicy.SuppressEverything;
            var intervals = tables.Cells
                .Where(cell => pattern[cell.Index])
                .Select(cell => new CellInterval(cell.Table.Name, cell.Categories, 0, everything ? long.MaxValue : request.Cube.Total, cell.Value >= 1 && cell.Value < threshold))
                .ToArray();
            return Result(request, tables, pattern, reasons, new DisclosureAudit(intervals, Passed: everything) { Revelations = [Revelation.TotalBelowThreshold] }, wholeSuppressed: everything);
        }

        var (suppressed, ladderAudit) = replay.Publish(request, tables, ladder, cancellationToken);
        var ladderReasons = tables.Cells
            .Select(cell => suppressed[cell.Index] ? cell.Value >= 1 && cell.Value < threshold ? SuppressionReason.Primary : SuppressionReason.Secondary : (SuppressionReason?)null)
            .ToArray();
        return Result(request, tables, suppressed, ladderReasons, ladderAudit, wholeSuppressed: suppressed.All(withheld => withheld));
    }

    private static DisclosureResult Result(DisclosureRequest request, LinkedTables tables, bool[] pattern, SuppressionReason?[] reasons, DisclosureAudit audit, bool wholeSuppressed) =>
        new(
            [.. request.Tables.Select((definition, t) => new PublishedTable(definition, [.. tables.CellsOf(t).Select(cell => new PublishedCell(cell.Categories, pattern[cell.Index] ? null : cell.Value, reasons[cell.Index]))]))],
            audit,
            wholeSuppressed);

    private static bool[] SmallTotalPattern(LinkedTables tables, PriorPublication prior, SmallTotalPolicy policy, SuppressionReason?[] reasons)
    {
        var suppressedEarlier = prior.SuppressedEarlier(tables).Select(cell => cell.Index).ToHashSet();
        var pattern = new bool[tables.Cells.Count];
        foreach (var cell in tables.Cells)
        {
            var publish = policy == SmallTotalPolicy.PublishTotalOnly && cell.IsGrandTotal && !suppressedEarlier.Contains(cell.Index);
            pattern[cell.Index] = !publish;
            reasons[cell.Index] = publish ? null : SuppressionReason.SmallTotal;
        }

        return pattern;
    }
}
