using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;
using Radikalisering.Core.Concerns;
using Radikalisering.Core.Storage;

namespace Radikalisering.Core.Backup;

/// <summary>
/// Removes a year's concerns from every backup run when retention deletes the year: the year's
/// <c>Concerns</c> partition blob with all its versions, and its line in the run's manifest (so the
/// run stays restorable). Soft delete keeps the deleted blob recoverable for the configured days;
/// after that it is gone. Running it again removes nothing more.
/// </summary>
public sealed class BackupRetention(BlobServiceClient blobs, IOptions<StorageOptions> options)
{
    /// <returns>The runs the year was removed from.</returns>
    public async Task<IReadOnlyList<string>> DeleteYearAsync(int year, CancellationToken cancellationToken)
    {
        var container = blobs.GetBlobContainerClient(options.Value.BackupContainer);
        if (!await container.ExistsAsync(cancellationToken))
        {
            return [];
        }

        var partitionKey = ConcernRows.PartitionKeyOf(year);
        var suffix = BackupTables.PartitionBlobName(string.Empty, BackupTables.Concerns, partitionKey);
        var doomed = new List<BlobItem>();
        await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { States = BlobStates.Version }, cancellationToken))
        {
            if (blob.Name.EndsWith(suffix, StringComparison.Ordinal))
            {
                doomed.Add(blob);
            }
        }

        var runs = doomed.Select(blob => blob.Name[..^suffix.Length]).Distinct(StringComparer.Ordinal).ToList();
        foreach (var run in runs)
        {
            await DropFromManifestAsync(container, run, partitionKey, cancellationToken);
        }

        // The current blob first (which turns it into a version when versioning is on), then every version.
        foreach (var name in doomed.Select(blob => blob.Name).Distinct(StringComparer.Ordinal))
        {
            await container.DeleteBlobIfExistsAsync(name, cancellationToken: cancellationToken);
        }

        await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { States = BlobStates.Version }, cancellationToken))
        {
            if (blob.Name.EndsWith(suffix, StringComparison.Ordinal) && blob.VersionId is { } version)
            {
                await container.GetBlobClient(blob.Name).WithVersion(version).DeleteIfExistsAsync(cancellationToken: cancellationToken);
            }
        }

        return runs;
    }

    private static async Task DropFromManifestAsync(BlobContainerClient container, string run, string partitionKey, CancellationToken cancellationToken)
    {
        var manifestBlob = container.GetBlobClient(BackupManifest.BlobName(run));
        if (!await manifestBlob.ExistsAsync(cancellationToken))
        {
            return;
        }

        var download = (await manifestBlob.DownloadContentAsync(cancellationToken)).Value;
        var manifest = download.Content.ToObjectFromJson<BackupManifest>(BackupExporter.Json)!;
        var kept = manifest with
        {
            Partitions = [.. manifest.Partitions.Where(partition => !(partition.Table == BackupTables.Concerns && partition.PartitionKey == partitionKey))],
        };
        await manifestBlob.UploadAsync(
            BinaryData.FromObjectAsJson(kept, BackupExporter.Json),
            new BlobUploadOptions { Conditions = new BlobRequestConditions { IfMatch = download.Details.ETag } },
            cancellationToken);
    }
}
