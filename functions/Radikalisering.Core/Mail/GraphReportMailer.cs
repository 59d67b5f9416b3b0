using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Graph.Users.Item.SendMail;
using Microsoft.Kiota.Abstractions;

namespace Radikalisering.Core.Mail;

/// <summary>
/// Sends the report with Microsoft Graph: <c>POST /users/{sender}/sendMail</c>, HTML body, inline
/// chart and CSV as file attachments, saved to the sender's Sent Items. Throttling and transient
/// errors are retried by the client's retry handler (see <see cref="ReportGraphClientFactory"/>).
/// </summary>
public sealed class GraphReportMailer(GraphServiceClient graph, IOptions<ReportOptions> options) : IReportMailer
{
    public async Task SendAsync(ReportMail mail, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var body = new SendMailPostRequestBody
        {
            Message = new Message
            {
                Subject = mail.Subject,
                Body = new ItemBody { ContentType = BodyType.Html, Content = mail.HtmlBody },
                ToRecipients = settings.Recipients
                    .Select(address => new Recipient { EmailAddress = new EmailAddress { Address = address } })
                    .ToList(),
                Attachments = mail.Attachments.Select(ToGraphAttachment).ToList(),
            },
            SaveToSentItems = true,
        };

        try
        {
            await graph.Users[settings.SenderMailbox].SendMail.PostAsync(body, cancellationToken: cancellationToken);
        }
        catch (ODataError error) when (error.ResponseStatusCode is >= 400 and < 500 and not 408 and not 429)
        {
            throw new MailNotDeliveredException(
                $"Microsoft Graph refused the report mail ({error.ResponseStatusCode} {error.Error?.Code}): {error.Error?.Message}", error);
        }
        catch (AggregateException retriesExhausted) when (retriesExhausted.InnerExceptions.All(IsThrottling))
        {
            throw new MailNotDeliveredException("Microsoft Graph kept throttling the report mail; it was not accepted.", retriesExhausted);
        }
    }

    private static bool IsThrottling(Exception exception) =>
        exception is ApiException { ResponseStatusCode: 429 };

    private static Attachment ToGraphAttachment(MailAttachment attachment) => new FileAttachment
    {
        OdataType = "#microsoft.graph.fileAttachment",
        Name = attachment.FileName,
        ContentType = attachment.ContentType,
        ContentBytes = attachment.Content.ToArray(),
        ContentId = attachment.InlineContentId,
        IsInline = attachment.IsInline,
    };
}
