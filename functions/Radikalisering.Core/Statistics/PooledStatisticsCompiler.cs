using Microsoft.Extensions.Logging;
using Radikalisering.Core.Concerns;
using Radikalisering.Disclosure;

namespace Radikalisering.Core.Statistics;

/// <summary>
/// "The last three years together" for a year whose own publication withholds figures: the year and the two before
/// it, each counted from the concerns as they are now, protected by the disclosure engine jointly with the
/// publications already made for each year (the two earlier years' stored snapshots, and the year's publication
/// just made), so that no difference between pooled and single-year figures reveals a withheld one.
/// </summary>
public sealed partial class PooledStatisticsCompiler(
    IConcernReader concerns,
    ReportSnapshotStore snapshots,
    DisclosureEngine engine,
    ILogger<PooledStatisticsCompiler> logger)
{
    /// <summary>How many years, the compiled one included, are pooled.</summary>
    public const int YearsPooled = 3;

    /// <summary>
    /// The pooled publication to store with the year, or <c>null</c> when nothing is pooled: the year prints every
    /// figure (and printed no pooled figures before), or the earlier years have no snapshot with the same threshold
    /// and tables. Throws when the pooled audit does not pass, so nothing is stored.
    /// </summary>
    /// <param name="year">The year's cube and the publication just made for it.</param>
    /// <param name="previous">The pooled publication stored with the year's snapshot, if it is a recompile.</param>
    public async Task<PooledSnapshot?> PoolAsync(
        PooledYear year,
        IReadOnlyList<TableDefinition> tables,
        DisclosureSettings settings,
        PooledSnapshot? previous,
        CancellationToken cancellationToken)
    {
        // Once pooled figures were stored they are pooled again, with them as the earlier publication, even if the
        // year now prints everything (withheld figures stay withheld, so this happens only with changed settings).
        var withholds = year.Publication.Any(table => table.Cells.Any(cell => cell.Value is null));
        if (!withholds && previous is null)
        {
            return null;
        }

        var earlier = await snapshots.GetRangeAsync(year.Year - YearsPooled + 1, year.Year - 1, cancellationToken);
        if (earlier.Count != YearsPooled - 1)
        {
            return null;
        }

        if (earlier.FirstOrDefault(snapshot => snapshot.Threshold != settings.Threshold || !SnapshotTables.SameDefinitions(snapshot.Tables, tables)) is { } different)
        {
            LogDifferentTables(year.Year, different.Year);
            return null;
        }

        var years = new List<PooledYear>();
        foreach (var snapshot in earlier)
        {
            var cube = await ConcernCube.CountAsync(concerns, snapshot.Year, cancellationToken);
            years.Add(new PooledYear(snapshot.Year, cube, snapshot.Tables.Select(SnapshotTables.ToEngine).ToList()));
        }

        years.Add(year);
        var request = new PooledRequest(
            years,
            tables,
            settings,
            previous is { IsPublished: true } ? previous.Tables.Select(SnapshotTables.ToEngine).ToList() : null);
        var result = engine.ProtectPooled(request, cancellationToken);
        var yearsPooled = years.Select(pooled => pooled.Year).ToList();
        if (result.WorkBoundReached)
        {
            LogWorkBound(yearsPooled[0], year.Year);
        }

        if (result.Outcome != PooledOutcome.Published)
        {
            LogNotPublished(yearsPooled[0], year.Year, result.Outcome);
            return new PooledSnapshot(yearsPooled, result.Outcome, []);
        }

        if (result.Publication is not { Audit.Passed: true } publication)
        {
            throw new InvalidOperationException(
                $"Disclosure control of {yearsPooled[0]}–{year.Year} together did not pass its audit; nothing was stored.");
        }

        return new PooledSnapshot(yearsPooled, result.Outcome, publication.Tables.Select(SnapshotTables.FromEngine).ToList());
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The years before {Year} are not pooled with it: the snapshot of {EarlierYear} has another threshold or other tables.")]
    private partial void LogDifferentTables(int year, int earlierYear);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The disclosure control of {FirstYear}–{LastYear} together reached its work bound and withheld more than it might have; see docs/disclosure-control.md, 'The work bound'.")]
    private partial void LogWorkBound(int firstYear, int lastYear);

    [LoggerMessage(Level = LogLevel.Information, Message = "The years {FirstYear}–{LastYear} together are not published: {Outcome}.")]
    private partial void LogNotPublished(int firstYear, int lastYear, PooledOutcome outcome);
}
