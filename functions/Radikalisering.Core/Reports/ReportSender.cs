using Microsoft.Extensions.Logging;
using Radikalisering.Core.Audit;
using Radikalisering.Core.Mail;
using Radikalisering.Core.Statistics;

namespace Radikalisering.Core.Reports;

/// <summary>
/// Mails a year's snapshot at most once automatically. The snapshot moves Compiled → Sending
/// (the claim, ETag-guarded, so of concurrent runs exactly one wins) → Sent. If the mail service
/// certainly did not take the mail, the claim is released for a retry. If a run dies after
/// claiming and before marking sent, it is unknown whether the mail went out: the snapshot stays
/// Sending, automatic runs leave it alone and log it, and only an operator's explicit
/// <c>POST /api/reports/{year}/send</c> (after <see cref="StaleClaimAfter"/>) mails it again.
/// The send is audited once (<see cref="ReportSendAudit"/>): after marking sent, and by any later call that
/// finds it sent while its audit row is missing, so a retry after a failed audit write completes it.
/// </summary>
public sealed partial class ReportSender(
    ReportSnapshotStore snapshots,
    IReportMailer mailer,
    IAuditLog auditLog,
    TableAuditLog auditTable,
    TimeProvider timeProvider,
    ILogger<ReportSender> logger)
{
    /// <summary>Longer than the Functions timeout (host.json), so a claim this old belongs to a dead run.</summary>
    public static readonly TimeSpan StaleClaimAfter = TimeSpan.FromMinutes(15);

    /// <summary>How often a run re-reads the snapshot when it changed between reading and claiming (a recompile).</summary>
    private const int MaximumClaimAttempts = 3;

    /// <param name="who">Who asks, as the audit log names them: an operator's object id, or <c>system</c>.</param>
    public async Task<SendResult> SendAsync(int year, ReportRequester requester, string who, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var snapshot = await snapshots.GetAsync(year, cancellationToken);
            if (snapshot is null)
            {
                return new SendResult(SendOutcome.NotCompiled);
            }

            if (Refusal(snapshot, requester) is { } refusal)
            {
                if (refusal == SendOutcome.AlreadySent)
                {
                    await CompleteAuditAsync(snapshot, cancellationToken);
                }

                return new SendResult(refusal);
            }

            var earlierYears = await snapshots
                .GetRangeAsync(year - AnnualReportModelMapper.TrendYears + 1, year - 1, cancellationToken);
            var mail = await AnnualReportComposer.ComposeAsync(snapshot, earlierYears);

            var claimed = await snapshots
                .TryReplaceAsync(snapshot with { Status = ReportStatus.Sending, SendingStartedAt = timeProvider.GetUtcNow() }, cancellationToken);
            if (claimed is not null)
            {
                return await DeliverAsync(claimed, mail, who, cancellationToken);
            }

            if (attempt == MaximumClaimAttempts)
            {
                LogClaimLost(year);
                return new SendResult(SendOutcome.ClaimedByAnotherRun);
            }
        }
    }

    /// <summary>Why this request must not mail the snapshot, or <c>null</c> if it may.</summary>
    private SendOutcome? Refusal(ReportSnapshot snapshot, ReportRequester requester)
    {
        if (snapshot.Status == ReportStatus.Sent)
        {
            LogAlreadySent(snapshot.Year, snapshot.SentAt);
            return SendOutcome.AlreadySent;
        }

        if (snapshot.Status == ReportStatus.Sending && !MayTakeOver(snapshot, requester))
        {
            LogLeftClaimed(snapshot.Year, snapshot.SendingStartedAt, requester);
            return SendOutcome.ClaimedByAnotherRun;
        }

        return null;
    }

    private async Task<SendResult> DeliverAsync(ReportSnapshot claimed, ReportMail mail, string who, CancellationToken cancellationToken)
    {
        try
        {
            await mailer.SendAsync(mail, cancellationToken);
        }
        catch (MailNotDeliveredException)
        {
            // Nothing went out, so the snapshot may be mailed again. The token may already be
            // cancelled, and releasing must not be skipped because of it.
            await snapshots
                .TryReplaceAsync(claimed with { Status = ReportStatus.Compiled, SendingStartedAt = null }, CancellationToken.None);
            throw;
        }

        // The mail is out: mark it sent and audit it even if the caller gave up meanwhile. Whole seconds, so
        // SentAt reads back exactly as written and a later completion derives the same audit row from it.
        var sentAt = WholeSeconds(timeProvider.GetUtcNow());
        var sent = await snapshots
            .TryReplaceAsync(claimed with { Status = ReportStatus.Sent, SentAt = sentAt, SentBy = who }, CancellationToken.None);
        if (sent is null)
        {
            LogMarkLost(claimed.Year);
        }

        await auditLog.WriteAsync(ReportSendAudit.EntryFor(claimed.Year, sentAt, who), CancellationToken.None);
        LogSent(claimed.Year);
        return new SendResult(SendOutcome.Sent, sent ?? claimed with { Status = ReportStatus.Sent, SentAt = sentAt, SentBy = who });
    }

    /// <summary>
    /// Writes the audit of an earlier send if that run could not. Only when its row is missing, so repeated
    /// refusals do not append the send to the audit trail again. Snapshots sent before <c>SentBy</c> was stored
    /// are left alone: who sent them is unknown.
    /// </summary>
    private async Task CompleteAuditAsync(ReportSnapshot sent, CancellationToken cancellationToken)
    {
        if (sent is not { SentAt: { } sentAt, SentBy: { } sentBy })
        {
            return;
        }

        var entry = ReportSendAudit.EntryFor(sent.Year, sentAt, sentBy);
        if (!await auditTable.ContainsAsync(entry, cancellationToken))
        {
            await auditLog.WriteAsync(entry, cancellationToken);
        }
    }

    private static DateTimeOffset WholeSeconds(DateTimeOffset time) =>
        new(time.UtcTicks - time.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);

    private bool MayTakeOver(ReportSnapshot snapshot, ReportRequester requester) =>
        requester == ReportRequester.Operator
        && snapshot.SendingStartedAt is { } claimedAt
        && timeProvider.GetUtcNow() - claimedAt >= StaleClaimAfter;

    [LoggerMessage(Level = LogLevel.Information, Message = "The report for {Year} was mailed and marked sent.")]
    private partial void LogSent(int year);

    [LoggerMessage(Level = LogLevel.Information, Message = "The report for {Year} was already sent at {SentAt}; not mailed again.")]
    private partial void LogAlreadySent(int year, DateTimeOffset? sentAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The report for {Year} was claimed for mailing at {ClaimedAt} by a run that is mailing it now or stopped before marking it sent, so it may or may not have been mailed; this {Requester} request does not mail it. If it never arrives, an operator can POST /api/reports/{Year}/send once the claim is 15 minutes old.")]
    private partial void LogLeftClaimed(int year, DateTimeOffset? claimedAt, ReportRequester requester);

    [LoggerMessage(Level = LogLevel.Information, Message = "The snapshot of {Year} kept changing while this run tried to claim it; not mailed by this run.")]
    private partial void LogClaimLost(int year);

    [LoggerMessage(Level = LogLevel.Error, Message = "The report for {Year} was mailed, but the snapshot changed before it could be marked sent.")]
    private partial void LogMarkLost(int year);
}
