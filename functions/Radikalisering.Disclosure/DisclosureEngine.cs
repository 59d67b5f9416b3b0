using System.Diagnostics.CodeAnalysis;

namespace Radikalisering.Disclosure;

/// <summary>
/// Statistical disclosure control for linked frequency tables. A year's publications (the first and every
/// republication) are chosen from a fixed ladder of publications by rules an intruder who replays the method learns
/// nothing more from (see <see cref="ReplayPublisher"/>); rollups by complementary suppression chosen across all
/// tables at once. Both come with an exact integer audit of the printed figures.
/// </summary>
public sealed class DisclosureEngine
{
    private readonly ReplayPublisher replay;
    private readonly PooledPublisher pooled = new();

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
    /// A cube of at most <see cref="WitnessScope.LargestExactCube"/> cells with a grand total is published by the
    /// ladder, safe against an intruder who replays the method, also when it republishes a period. Rollups, and
    /// republications after a publication that withheld the grand total (made by the former engine), use the
    /// complementary planner, which is safe against an intruder who reads the printed figures (see the documentation).
    /// </summary>
    public DisclosureResult Protect(DisclosureRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequestValidator.Validate(request);

        var tables = LinkedTables.Build(request.Cube, request.Tables);
        var ladder = request.Cube.CellCount <= WitnessScope.LargestExactCube
            ? replay.LadderFor(request, tables, new PriorPublication(request.PreviousPublication))
            : null;
        return ladder is not null
            ? ProtectByLadder(request, tables, ladder, cancellationToken)
            : ProtectByPlanner(request, tables, cancellationToken);
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

    /// <summary>
    /// Complementary suppression: the fewest extra cells that pass the audit of the printed figures. Used for
    /// republications and rollups, and by the utility benchmark as the method before the ladder.
    /// </summary>
    internal static DisclosureResult ProtectByPlanner(DisclosureRequest request, LinkedTables tables, CancellationToken cancellationToken)
    {
        var threshold = request.Settings.Threshold;
        var prior = new PriorPublication(request.PreviousPublication);
        var requirements = RequirementFinder.Find(tables, threshold, prior);
        var searchBound = SearchBound(request.Cube, prior, threshold);
        var auditor = new ProtectionAuditor(tables, requirements, searchBound);

        var reasons = new SuppressionReason?[tables.Cells.Count];
        var smallTotal = request.Cube.Total >= 1 && request.Cube.Total < threshold;
        bool[] pattern;
        if (smallTotal)
        {
            pattern = SmallTotalPattern(tables, prior, request.Settings.SmallTotal, reasons);
        }
        else
        {
            var forced = ForcedPattern(tables, requirements, prior, reasons);
            pattern = new SuppressionPlanner(tables, auditor).Plan(forced, cancellationToken);
            foreach (var cell in tables.Cells.Where(cell => pattern[cell.Index] && reasons[cell.Index] is null))
            {
                reasons[cell.Index] = SuppressionReason.Secondary;
            }
        }

        var audit = auditor.Audit(pattern, cancellationToken);
        var published = request.Tables
            .Select((definition, t) => new PublishedTable(definition, tables.CellsOf(t)
                .Select(cell => new PublishedCell(cell.Categories, pattern[cell.Index] ? null : cell.Value, reasons[cell.Index]))
                .ToArray()))
            .ToArray();
        var wholeSuppressed = smallTotal && request.Settings.SmallTotal == SmallTotalPolicy.SuppressEverything;
        return new DisclosureResult(published, audit, wholeSuppressed);
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

    /// <summary>
    /// Audits a proposed publication of the request's tables (cells withheld where Value is null) against the
    /// same requirements <see cref="Protect"/> meets, for example to re-check a stored publication.
    /// </summary>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "An instance service by contract, registered for dependency injection.")]
    public DisclosureAudit Audit(DisclosureRequest request, IReadOnlyList<PublishedTable> publication, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(publication);
        RequestValidator.Validate(request);

        var tables = LinkedTables.Build(request.Cube, request.Tables);
        var prior = new PriorPublication(request.PreviousPublication);
        var threshold = request.Settings.Threshold;
        var requirements = RequirementFinder.Find(tables, threshold, prior);
        var auditor = new ProtectionAuditor(tables, requirements, SearchBound(request.Cube, prior, threshold));
        var pattern = new bool[tables.Cells.Count];
        foreach (var cell in publication.SelectMany(table => table.Cells.Where(cell => cell.Value is null).Select(cell => tables.Find(table.Definition.Name, cell.Categories))))
        {
            pattern[(cell ?? throw new ArgumentException("The publication has a cell the request's tables do not.", nameof(publication))).Index] = true;
        }

        return auditor.Audit(pattern, cancellationToken);
    }

    private static long SearchBound(Cube cube, PriorPublication prior, int threshold) =>
        Math.Max(Math.Max(cube.Total, prior.LargestValue), threshold) + threshold + 1;

    private static bool[] ForcedPattern(LinkedTables tables, IReadOnlyList<ProtectionRequirement> requirements, PriorPublication prior, SuppressionReason?[] reasons)
    {
        var forced = new bool[tables.Cells.Count];
        foreach (var requirement in requirements.Where(requirement => requirement.Kind != RequirementKind.GroupDisclosure))
        {
            var current = tables.Find(requirement.Cell.Table.Name, requirement.Cell.Categories);
            if (current is not null && current.Support.SequenceEqual(requirement.Cell.Support))
            {
                forced[current.Index] = true;
                reasons[current.Index] = SuppressionReason.Primary;
            }
        }

        foreach (var cell in prior.SuppressedEarlier(tables))
        {
            forced[cell.Index] = true;
            reasons[cell.Index] ??= SuppressionReason.Secondary;
        }

        return forced;
    }

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
