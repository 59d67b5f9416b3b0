using System.Globalization;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Radikalisering.Core.Mail;

/// <summary>
/// Development delivery: writes the report as an <c>.eml</c> file (MimeKit) to the outbox
/// directory, with the same body and attachments Graph would send. Open it in any mail client.
/// </summary>
public sealed class OutboxReportMailer(IOptions<ReportOptions> options, TimeProvider timeProvider) : IReportMailer
{
    public async Task SendAsync(ReportMail mail, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.SenderMailbox));
        message.To.AddRange(settings.Recipients.Select(MailboxAddress.Parse));
        message.Subject = mail.Subject;
        message.Date = timeProvider.GetUtcNow();

        var body = new BodyBuilder { HtmlBody = mail.HtmlBody };
        foreach (var attachment in mail.Attachments)
        {
            var part = attachment.IsInline
                ? body.LinkedResources.Add(attachment.FileName, attachment.Content.ToArray(), ContentType.Parse(attachment.ContentType))
                : body.Attachments.Add(attachment.FileName, attachment.Content.ToArray(), ContentType.Parse(attachment.ContentType));
            if (attachment.InlineContentId is { } contentId)
            {
                part.ContentId = contentId;
            }
        }

        message.Body = body.ToMessageBody();

        var path = Path.Combine(
            settings.OutboxDirectory,
            string.Create(CultureInfo.InvariantCulture, $"aarsrapport-{mail.Year}-{timeProvider.GetUtcNow():yyyyMMdd'T'HHmmss'Z'}.eml"));
        var partial = path + ".partial";
        try
        {
            Directory.CreateDirectory(settings.OutboxDirectory);
            await message.WriteToAsync(partial, cancellationToken);
            File.Move(partial, path, overwrite: true);
        }
        catch (IOException exception)
        {
            throw new MailNotDeliveredException($"The report could not be written to the outbox '{settings.OutboxDirectory}'.", exception);
        }
    }
}
