using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;
using Radikalisering.Core.Storage;

namespace Radikalisering.Core.AuditTrail;

/// <summary>
/// Checks the trail's blobs of a period of days, blob by blob in name order and each from its first
/// line: format, the record's hash, the link to the record before it, its number. Stops at the first
/// broken link. What it cannot see is a whole blob deleted or lines cut off at a blob's end: the
/// container's immutability policy is what rules those out.
/// </summary>
public sealed class AuditTrailVerifier(BlobServiceClient blobs, IOptions<StorageOptions> options)
{
    public async Task<VerificationResult> VerifyAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var container = blobs.GetBlobContainerClient(options.Value.AuditTrailContainer);
        var blobCount = 0;
        long records = 0;
        if (!await container.ExistsAsync(cancellationToken))
        {
            return new VerificationResult(from, to, 0, 0, null);
        }

        for (var day = from; day <= to; day = day.AddDays(1))
        {
            await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions { Prefix = AuditTrailWriter.DayPrefix(day) }, cancellationToken))
            {
                blobCount++;
                var content = await container.GetBlobClient(item.Name).DownloadContentAsync(cancellationToken);
                var (count, broken) = VerifyBlob(item.Name, content.Value.Content.ToString());
                records += count;
                if (broken is not null)
                {
                    return new VerificationResult(from, to, blobCount, records, broken);
                }
            }
        }

        return new VerificationResult(from, to, blobCount, records, null);
    }

    /// <summary>The number of intact records of one blob and the first broken link, if any.</summary>
    public static (long Records, BrokenLink? Broken) VerifyBlob(string blobName, string content)
    {
        var lines = content.Split('\n');
        var expectedPrevious = AuditChain.GenesisHash(blobName);
        long intact = 0;
        for (var index = 0; index < lines.Length - 1; index++)
        {
            var lineNumber = index + 1;
            if (Check(lines[index], expectedPrevious, intact + 1) is { } reason)
            {
                return (intact, new BrokenLink(blobName, lineNumber, reason));
            }

            expectedPrevious = AuditChain.Parse(lines[index])!.Value.StatedHash;
            intact++;
        }

        return lines[^1].Length == 0
            ? (intact, null)
            : (intact, new BrokenLink(blobName, lines.Length, BrokenLinkReasons.Truncated));
    }

    private static string? Check(string line, string expectedPrevious, long expectedSeq)
    {
        if (AuditChain.Parse(line) is not { } parsed)
        {
            return BrokenLinkReasons.Malformed;
        }

        if (AuditChain.Hash(parsed.Json) != parsed.StatedHash)
        {
            return BrokenLinkReasons.HashMismatch;
        }

        if (parsed.Record.Prev != expectedPrevious)
        {
            return BrokenLinkReasons.PreviousHashMismatch;
        }

        return parsed.Record.Seq == expectedSeq ? null : BrokenLinkReasons.SequenceMismatch;
    }
}
