using System.Globalization;
using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Radikalisering.Core.Audit;
using Radikalisering.Core.Storage;

namespace Radikalisering.Core.AuditTrail;

/// <summary>
/// Appends audit entries to this process's own append blob of the day,
/// <c>yyyy/MM/dd/{writer}-{segment}.log</c>, each record chained to the one before it in that blob.
/// Concurrency: every process (Functions instance) is one writer with its own blobs, so instances
/// never contend for a blob; within the process appends are serialized, and each append is
/// conditional on the blob's length (<c>If-Append-Position</c>), so nothing can slip in between.
/// After any failed append the writer does not guess what the blob holds: it starts a new segment
/// (at once, for the same entry, when the append condition failed and so nothing was written).
/// The chain is verified per blob (<see cref="AuditTrailVerifier"/>).
/// </summary>
public sealed class AuditTrailWriter(BlobServiceClient blobs, IOptions<StorageOptions> options, TimeProvider timeProvider) : IDisposable
{
    /// <summary>Below the 50,000 blocks an append blob can take; the writer moves to a new segment there.</summary>
    public const int MaximumRecordsPerBlob = 49_000;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly string _writerId = Guid.NewGuid().ToString("N");
    private BlobContainerClient? _container;
    private int _segment;
    private OpenBlob? _current;

    /// <summary>The blob name prefix of a day's blobs.</summary>
    public static string DayPrefix(DateOnly day) => day.ToString("yyyy'/'MM'/'dd'/'", CultureInfo.InvariantCulture);

    public async Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            try
            {
                await AppendToCurrentBlobAsync(entry, cancellationToken);
            }
            catch (RequestFailedException exception) when (exception.Status == StatusCodes.Status412PreconditionFailed)
            {
                // Someone else wrote to this writer's blob, and the condition kept this entry out of
                // it: the entry certainly went nowhere, so it goes first into a new segment.
                await AppendToCurrentBlobAsync(entry, cancellationToken);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>Any failure leaves no current blob, so the next append starts a new segment rather than guess what this one holds.</summary>
    private async Task AppendToCurrentBlobAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var blob = await CurrentBlobAsync(DateOnly.FromDateTime(now.UtcDateTime), cancellationToken);
        var record = AuditTrailRecord.Of(entry, blob.Records + 1, now, blob.LastHash);
        var (line, hash) = AuditChain.Format(record);
        var bytes = Encoding.UTF8.GetBytes(line);
        _current = null;
        using var content = new MemoryStream(bytes);
        await blob.Client.AppendBlockAsync(
            content,
            new AppendBlobAppendBlockOptions { Conditions = new AppendBlobRequestConditions { IfAppendPositionEqual = blob.Length } },
            cancellationToken);
        _current = blob with { Records = record.Seq, LastHash = hash, Length = blob.Length + bytes.Length };
    }

    private async Task<OpenBlob> CurrentBlobAsync(DateOnly day, CancellationToken cancellationToken)
    {
        if (_current is { } open && open.Day == day && open.Records < MaximumRecordsPerBlob)
        {
            return open;
        }

        _container ??= await ContainerAsync(cancellationToken);
        var name = $"{DayPrefix(day)}{_writerId}-{++_segment:D4}.log";
        var client = _container.GetAppendBlobClient(name);
        await client.CreateAsync(
            new AppendBlobCreateOptions { Conditions = new AppendBlobRequestConditions { IfNoneMatch = ETag.All } },
            cancellationToken);
        return new OpenBlob(day, client, 0, AuditChain.GenesisHash(name), 0);
    }

    private async Task<BlobContainerClient> ContainerAsync(CancellationToken cancellationToken)
    {
        var container = blobs.GetBlobContainerClient(options.Value.AuditTrailContainer);
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        return container;
    }

    private sealed record OpenBlob(DateOnly Day, AppendBlobClient Client, long Records, string LastHash, long Length);
}
