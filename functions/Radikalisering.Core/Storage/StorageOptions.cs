using System.ComponentModel.DataAnnotations;

namespace Radikalisering.Core.Storage;

/// <summary>
/// The <c>Storage</c> section: a connection string (local: <c>UseDevelopmentStorage=true</c>) or the
/// table and queue service URIs reached with the managed identity; plus table and queue names.
/// </summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string SectionName = "Storage";

    public string? ConnectionString { get; set; }

    public Uri? TableServiceUri { get; set; }

    public Uri? QueueServiceUri { get; set; }

    [Required, RegularExpression(TableNamePattern)]
    public string ConcernsTable { get; set; } = "Concerns";

    [Required, RegularExpression(TableNamePattern)]
    public string AuditLogTable { get; set; } = "AuditLog";

    [Required, RegularExpression(TableNamePattern)]
    public string ReportSnapshotsTable { get; set; } = "ReportSnapshots";

    [Required, RegularExpression("^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$")]
    public string ReportReadyQueue { get; set; } = "report-ready";

    private const string TableNamePattern = "^[A-Za-z][A-Za-z0-9]{2,62}$";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var hasConnectionString = !string.IsNullOrWhiteSpace(ConnectionString);
        var hasServiceUris = TableServiceUri is not null && QueueServiceUri is not null;
        if (hasConnectionString == hasServiceUris)
        {
            yield return new ValidationResult(
                "Set either Storage:ConnectionString or both Storage:TableServiceUri and Storage:QueueServiceUri.",
                [nameof(ConnectionString), nameof(TableServiceUri), nameof(QueueServiceUri)]);
        }

        foreach (var (name, uri) in new[] { (nameof(TableServiceUri), TableServiceUri), (nameof(QueueServiceUri), QueueServiceUri) })
        {
            if (uri is not null && (!uri.IsAbsoluteUri || uri.Scheme != Uri.UriSchemeHttps))
            {
                yield return new ValidationResult($"Storage:{name} must be an absolute https URI.", [name]);
            }
        }
    }
}
