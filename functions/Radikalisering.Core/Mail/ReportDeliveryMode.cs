namespace Radikalisering.Core.Mail;

/// <summary>How the annual report leaves the system.</summary>
public enum ReportDeliveryMode
{
    /// <summary>Microsoft Graph <c>sendMail</c> from the unit's mailbox (Azure).</summary>
    Graph,

    /// <summary>An <c>.eml</c> file in <see cref="ReportOptions.OutboxDirectory"/> (Development).</summary>
    Outbox,
}
