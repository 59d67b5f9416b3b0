namespace Radikalisering.Core.Mail;

/// <summary>Delivers the report to the configured recipients.</summary>
public interface IReportMailer
{
    /// <exception cref="MailNotDeliveredException">Delivery certainly did not happen, so it is safe to try again.</exception>
    Task SendAsync(ReportMail mail, CancellationToken cancellationToken);
}
