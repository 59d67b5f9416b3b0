using System.ComponentModel.DataAnnotations;

namespace Radikalisering.Core.Storage;

/// <summary>
/// The <c>Storage</c> section: a connection string (local: <c>UseDevelopmentStorage=true</c>) or the
/// table, queue and blob service URIs reached with the managed identity; plus table, queue and container names.
/// </summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string SectionName = "Storage";

    public string? ConnectionString { get; set; }

    public Uri? TableServiceUri { get; set; }

    public Uri? QueueServiceUri { get; set; }

    public Uri? BlobServiceUri { get; set; }

    [Required, RegularExpression(TableNamePattern)]
    public string ConcernsTable { get; set; } = "Concerns";

    [Required, RegularExpression(TableNamePattern)]
    public string AuditLogTable { get; set; } = "AuditLog";

    [Required, RegularExpression(TableNamePattern)]
    public string ReportSnapshotsTable { get; set; } = "ReportSnapshots";

    [Required, RegularExpression(ContainerNamePattern)]
    public string ReportReadyQueue { get; set; } = "report-ready";

    /// <summary>The append blobs of the hash-chained audit trail (immutable in Azure).</summary>
    [Required, RegularExpression(ContainerNamePattern)]
    public string AuditTrailContainer { get; set; } = "audit-trail";

    /// <summary>The daily backups of the tables.</summary>
    [Required, RegularExpression(ContainerNamePattern)]
    public string BackupContainer { get; set; } = "backups";

    private const string ContainerNamePattern = "^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$";

    private const string TableNamePattern = "^[A-Za-z][A-Za-z0-9]{2,62}$";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var hasConnectionString = !string.IsNullOrWhiteSpace(ConnectionString);
        Uri?[] serviceUris = [TableServiceUri, QueueServiceUri, BlobServiceUri];
        var valid = hasConnectionString
            ? serviceUris.All(uri => uri is null)
            : serviceUris.All(uri => uri is not null);
        if (!valid)
        {
            yield return new ValidationResult(
                "Set either Storage:ConnectionString or all of Storage:TableServiceUri, Storage:QueueServiceUri and Storage:BlobServiceUri.",
                [nameof(ConnectionString), nameof(TableServiceUri), nameof(QueueServiceUri), nameof(BlobServiceUri)]);
        }

        foreach (var (name, uri) in new[] { (nameof(TableServiceUri), TableServiceUri), (nameof(QueueServiceUri), QueueServiceUri), (nameof(BlobServiceUri), BlobServiceUri) })
        {
            if (uri is not null && (!uri.IsAbsoluteUri || uri.Scheme != Uri.UriSchemeHttps))
            {
                yield return new ValidationResult($"Storage:{name} must be an absolute https URI.", [name]);
            }
        }
    }
}
