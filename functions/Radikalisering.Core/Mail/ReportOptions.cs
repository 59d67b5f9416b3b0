using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;

namespace Radikalisering.Core.Mail;

/// <summary>The <c>Report</c> configuration section: who sends the annual report, to whom, and how.</summary>
public sealed class ReportOptions : IValidatableObject
{
    public const string SectionName = "Report";

    /// <summary>The unit's mailbox (UPN or address) the report is sent from and saved in.</summary>
    [Required]
    [EmailAddress]
    public string SenderMailbox { get; set; } = "";

    /// <summary>The leadership list.</summary>
    [SuppressMessage("Usage", "CA2227:Collection properties should be read only", Justification = "Bound from configuration.")]
    public IList<string> Recipients { get; set; } = [];

    public ReportDeliveryMode DeliveryMode { get; set; } = ReportDeliveryMode.Graph;

    [Required]
    public string OutboxDirectory { get; set; } = "outbox";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Recipients.Count == 0)
        {
            yield return new ValidationResult("Report:Recipients must name at least one recipient.", [nameof(Recipients)]);
        }

        var address = new EmailAddressAttribute();
        foreach (var recipient in Recipients.Where(recipient => !address.IsValid(recipient)))
        {
            yield return new ValidationResult($"Report:Recipients entry '{recipient}' is not an e-mail address.", [nameof(Recipients)]);
        }
    }
}
