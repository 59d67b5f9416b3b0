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
/// Entries that arrive while an append is under way wait and then go together in the next block
/// (group commit): one request for many entries, so the serialized appends do not hold up concurrent requests.
/// After any failed append the writer does not guess what the blob holds: it starts a new segment
/// (at once, for the same entries, when the append condition failed and so nothing was written).
/// The chain is verified per blob (<see cref="AuditTrailVerifier"/>).
/// </summary>
public sealed class AuditTrailWriter : IDisposable
{
    /// <summary>Below the 50,000 blocks an append blob can take; the writer moves to a new segment there.</summary>
    public const int MaximumBlocksPerBlob = 49_000;

    /// <summary>Entries in one block: a few hundred bytes each, far below a block's 4 MiB.</summary>
    public const int MaximumRecordsPerBlock = 100;

    private readonly BlobServiceClient _blobs;
    private readonly IOptions<StorageOptions> _options;
    private readonly TimeProvider _timeProvider;
    private readonly GroupCommit<AuditEntry> _appends;
    private readonly string _writerId = Guid.NewGuid().ToString("N");
    private BlobContainerClient? _container;
    private int _segment;
    private OpenBlob? _current;

    public AuditTrailWriter(BlobServiceClient blobs, IOptions<StorageOptions> options, TimeProvider timeProvider)
    {
        (_blobs, _options, _timeProvider) = (blobs, options, timeProvider);
        _appends = new(MaximumRecordsPerBlock, AppendBlockAsync);
    }

    /// <summary>The blob name prefix of a day's blobs.</summary>
    public static string DayPrefix(DateOnly day) => day.ToString("yyyy'/'MM'/'dd'/'", CultureInfo.InvariantCulture);

    /// <summary>
    /// Returns once the entry is in the trail: appended by this call or, when another call's append was under way,
    /// in the next block with the others that waited.
    /// </summary>
    public Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken) => _appends.WriteAsync(entry, cancellationToken);

    public void Dispose() => _appends.Dispose();

    private async Task AppendBlockAsync(IReadOnlyList<AuditEntry> entries)
    {
        try
        {
            await AppendToCurrentBlobAsync(entries);
        }
        catch (RequestFailedException exception) when (exception.Status == StatusCodes.Status412PreconditionFailed)
        {
            // Someone else wrote to this writer's blob, and the condition kept these entries out of
            // it: they certainly went nowhere, so they go first into a new segment.
            await AppendToCurrentBlobAsync(entries);
        }
    }

    /// <summary>Any failure leaves no current blob, so the next append starts a new segment rather than guess what this one holds.</summary>
    private async Task AppendToCurrentBlobAsync(IReadOnlyList<AuditEntry> entries)
    {
        var now = _timeProvider.GetUtcNow();
        var blob = await CurrentBlobAsync(DateOnly.FromDateTime(now.UtcDateTime));
        var block = new StringBuilder();
        var (records, lastHash) = (blob.Records, blob.LastHash);
        foreach (var entry in entries)
        {
            var (line, hash) = AuditChain.Format(AuditTrailRecord.Of(entry, ++records, now, lastHash));
            block.Append(line);
            lastHash = hash;
        }

        var bytes = Encoding.UTF8.GetBytes(block.ToString());
        _current = null;
        using var content = new MemoryStream(bytes);
        await blob.Client.AppendBlockAsync(
            content,
            new AppendBlobAppendBlockOptions { Conditions = new AppendBlobRequestConditions { IfAppendPositionEqual = blob.Length } });
        _current = blob with { Blocks = blob.Blocks + 1, Records = records, LastHash = lastHash, Length = blob.Length + bytes.Length };
    }

    private async Task<OpenBlob> CurrentBlobAsync(DateOnly day)
    {
        if (_current is { } open && open.Day == day && open.Blocks < MaximumBlocksPerBlob)
        {
            return open;
        }

        _container ??= await ContainerAsync();
        var name = $"{DayPrefix(day)}{_writerId}-{++_segment:D4}.log";
        var client = _container.GetAppendBlobClient(name);
        await client.CreateAsync(
            new AppendBlobCreateOptions { Conditions = new AppendBlobRequestConditions { IfNoneMatch = ETag.All } });
        return new OpenBlob(day, client, 0, 0, AuditChain.GenesisHash(name), 0);
    }

    private async Task<BlobContainerClient> ContainerAsync()
    {
        var container = _blobs.GetBlobContainerClient(_options.Value.AuditTrailContainer);
        await container.CreateIfMissingAsync(CancellationToken.None);
        return container;
    }

    private sealed record OpenBlob(DateOnly Day, AppendBlobClient Client, int Blocks, long Records, string LastHash, long Length);
}
