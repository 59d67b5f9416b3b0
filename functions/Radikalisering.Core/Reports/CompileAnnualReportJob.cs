using System.Globalization;
using Microsoft.Extensions.Logging;
using Radikalisering.Core.Audit;
using Radikalisering.Core.Statistics;
using Radikalisering.Disclosure;

namespace Radikalisering.Core.Reports;

/// <summary>
/// The timer trigger's work, every day of January at 05:00 UTC: if last year's report is not yet
/// sent, compile it and enqueue <c>report-ready</c>. Running it again is harmless: an unchanged
/// year is not rewritten, and the queue handler mails a snapshot at most once. A year the publication ladder
/// refuses is logged as an error with the reason, and nothing is enqueued.
/// </summary>
public sealed partial class CompileAnnualReportJob(
    AnnualStatisticsCompiler compiler,
    ReportReadyMessages messages,
    IAuditLog auditLog,
    TimeProvider timeProvider,
    ILogger<CompileAnnualReportJob> logger)
{
    /// <summary>NCRONTAB (with seconds), UTC: 05:00 every day of January.</summary>
    public const string Schedule = "0 0 5 * 1 *";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var year = timeProvider.GetUtcNow().Year - 1;
        CompileResult compiled;
        try
        {
            compiled = await compiler.CompileAsync(year, cancellationToken);
        }
        catch (LadderRefusedException refusal)
        {
            LogRefused(year, refusal.Reason);
            return;
        }

        if (compiled.Outcome == CompileOutcome.AlreadySent)
        {
            LogNothingToDo(year, compiled.Snapshot.Status);
            return;
        }

        if (compiled.Outcome != CompileOutcome.Unchanged)
        {
            await auditLog.WriteAsync(
                new AuditEntry(AuditEntry.SystemCaller, AuditActions.CompileReport, year.ToString("D4", CultureInfo.InvariantCulture), AuditResult.Succeeded),
                cancellationToken);
        }

        await messages.EnqueueAsync(year, cancellationToken);
        LogEnqueued(year, compiled.Outcome);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The statistics of {Year} were not compiled: the publication ladder refused them ({Reason}). Nothing was written or enqueued; see docs/disclosure-control.md.")]
    private partial void LogRefused(int year, LadderRefusal reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "The report of {Year} is {Status}; nothing to do.")]
    private partial void LogNothingToDo(int year, ReportStatus status);

    [LoggerMessage(Level = LogLevel.Information, Message = "The statistics of {Year} are compiled ({Outcome}); report-ready enqueued.")]
    private partial void LogEnqueued(int year, CompileOutcome outcome);
}
