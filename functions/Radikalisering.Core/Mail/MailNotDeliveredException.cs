namespace Radikalisering.Core.Mail;

/// <summary>
/// The mail was certainly not delivered (the mail service refused it, or the outbox file was
/// not written). Other failures leave it open whether a mail went out.
/// </summary>
public sealed class MailNotDeliveredException : Exception
{
    public MailNotDeliveredException()
    {
    }

    public MailNotDeliveredException(string message)
        : base(message)
    {
    }

    public MailNotDeliveredException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
