using System.Globalization;
using Radikalisering.Core.Audit;

namespace Radikalisering.Core.Reports;

/// <summary>
/// The queue trigger's work: mail the year named in a <c>report-ready</c> message. A message for
/// a year already sent, or claimed by a run that did not finish, completes without mailing
/// (see <see cref="ReportSender"/>). Failures are thrown, so the Functions host redelivers the
/// message; the redelivery mails only if the failure certainly sent nothing.
/// </summary>
public sealed class ReportReadyHandler(ReportSender sender, IAuditLog auditLog)
{
    public async Task<SendOutcome> HandleAsync(string message, CancellationToken cancellationToken)
    {
        var year = ReportReadyMessages.ParseYear(message);
        var outcome = await sender.SendAsync(year, ReportRequester.Automatic, cancellationToken).ConfigureAwait(false);
        if (outcome == SendOutcome.Sent)
        {
            await auditLog.WriteAsync(
                new AuditEntry(ReportAuditActions.SystemCaller, ReportAuditActions.SendReport, year.ToString("D4", CultureInfo.InvariantCulture), AuditResult.Succeeded),
                CancellationToken.None).ConfigureAwait(false);
        }

        return outcome;
    }
}
