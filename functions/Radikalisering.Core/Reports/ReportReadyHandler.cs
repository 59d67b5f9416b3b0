using Radikalisering.Core.Audit;

namespace Radikalisering.Core.Reports;

/// <summary>
/// The queue trigger's work: mail the year named in a <c>report-ready</c> message. A message for
/// a year already sent, or claimed by a run that did not finish, completes without mailing
/// (see <see cref="ReportSender"/>). Failures are thrown, so the Functions host redelivers the
/// message; the redelivery mails only if the failure certainly sent nothing, and completes the send's audit
/// (by <c>system</c>) if the failure came after marking it sent.
/// </summary>
public sealed class ReportReadyHandler(ReportSender sender)
{
    public async Task<SendOutcome> HandleAsync(string message, CancellationToken cancellationToken) =>
        (await sender.SendAsync(ReportReadyMessages.ParseYear(message), ReportRequester.Automatic, AuditEntry.SystemCaller, cancellationToken)).Outcome;
}
