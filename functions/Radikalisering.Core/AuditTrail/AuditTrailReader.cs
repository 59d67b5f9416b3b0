using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;
using Radikalisering.Core.Storage;

namespace Radikalisering.Core.AuditTrail;

/// <summary>The trail's blobs of a period of days (UTC, by the day they were appended), in name order.</summary>
public sealed class AuditTrailReader(BlobServiceClient blobs, IOptions<StorageOptions> options)
{
    /// <summary>Each blob of the days from <paramref name="from"/> to <paramref name="to"/>, with its content.</summary>
    public async IAsyncEnumerable<(string Name, string Content)> BlobsAsync(
        DateOnly from,
        DateOnly to,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var container = blobs.GetBlobContainerClient(options.Value.AuditTrailContainer);
        if (!await container.ExistsAsync(cancellationToken))
        {
            yield break;
        }

        for (var day = from; day <= to; day = day.AddDays(1))
        {
            await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions { Prefix = AuditTrailWriter.DayPrefix(day) }, cancellationToken))
            {
                var content = await container.GetBlobClient(item.Name).DownloadContentAsync(cancellationToken);
                yield return (item.Name, content.Value.Content.ToString());
            }
        }
    }

    /// <summary>The records of the blobs of the days from <paramref name="from"/> to <paramref name="to"/> (lines that are no record are skipped).</summary>
    public async Task<List<AuditTrailRecord>> RecordsAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var records = new List<AuditTrailRecord>();
        await foreach (var (_, content) in BlobsAsync(from, to, cancellationToken))
        {
            records.AddRange(RecordsOf(content));
        }

        return records;
    }

    public static IEnumerable<AuditTrailRecord> RecordsOf(string content) =>
        content.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(AuditChain.Parse)
            .Where(parsed => parsed is not null)
            .Select(parsed => parsed!.Value.Record);
}
