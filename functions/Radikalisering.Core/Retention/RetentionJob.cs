using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Radikalisering.Core.Audit;
using Radikalisering.Core.Backup;
using Radikalisering.Core.Concerns;
using Radikalisering.Core.Reports;
using Radikalisering.Core.Statistics;

namespace Radikalisering.Core.Retention;

/// <summary>
/// Deletes the concerns of every year whose report was sent at least
/// <see cref="RetentionOptions.YearsAfterReport"/> years ago, a whole year partition at a time, and
/// audits each deleted concern. The published snapshot stays: it holds no concern, and it feeds
/// the trend. The year's concerns are deleted from the backups too. A year whose report was never
/// sent is kept. Running it again deletes nothing more.
/// </summary>
public sealed partial class RetentionJob(
    ReportSnapshotStore snapshots,
    AuditIntentSweep intents,
    ConcernMaintenance concerns,
    BackupRetention backups,
    IAuditLog auditLog,
    IOptions<RetentionOptions> options,
    TimeProvider timeProvider,
    ILogger<RetentionJob> logger)
{
    /// <summary>NCRONTAB (with seconds), UTC: every day at 05:30, after the annual report's run.</summary>
    public const string Schedule = "0 30 5 * * *";

    /// <returns>The years whose concerns were due (and are now gone).</returns>
    public async Task<IReadOnlyList<int>> RunAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var due = (await snapshots.GetSentAsync(cancellationToken))
            .Where(snapshot => snapshot.SentAt is { } sentAt && sentAt.AddYears(options.Value.YearsAfterReport) <= now)
            .Select(snapshot => snapshot.Year)
            .ToList();

        foreach (var year in due)
        {
            // No change of the year may go unaudited: its pending audit intents are completed before they go.
            await intents.CompleteAsync(ConcernRows.PartitionKeyOf(year), TimeSpan.Zero, cancellationToken);
            var count = 0;
            await concerns.DeleteYearAsync(
                year,
                async ids =>
                {
                    foreach (var id in ids)
                    {
                        await auditLog.WriteAsync(
                            new AuditEntry(AuditEntry.SystemCaller, AuditActions.RetentionDeleteConcern, id, AuditResult.Succeeded),
                            cancellationToken);
                    }

                    count += ids.Count;
                },
                cancellationToken);
            if (count > 0)
            {
                LogDeleted(count, year);
            }

            await backups.DeleteYearAsync(year, cancellationToken);
        }

        return due;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention deleted {Count} concerns of {Year}.")]
    private partial void LogDeleted(int count, int year);
}
