namespace Radikalisering.Core.Mail;

/// <summary>The rendered annual report e-mail, ready for a <see cref="IReportMailer"/>.</summary>
public sealed record ReportMail(int Year, string Subject, string HtmlBody, IReadOnlyList<MailAttachment> Attachments);
