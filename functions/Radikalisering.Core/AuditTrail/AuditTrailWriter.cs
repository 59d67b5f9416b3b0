using System.Globalization;
using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
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
/// An append whose outcome is unknown (a lost answer; the SDK's retry of an append that landed, which its own
/// condition then refuses) is resolved by reading the blob, never repeated blindly: the block is there
/// (done), or the blob still ends where it did (appended again, same place), or someone else wrote to the blob
/// (the block goes first into a new segment). When the blob cannot be read either, the entries fail and the
/// next append starts a new segment; a change's record is then appended by the intent sweep only if no blob
/// holds its operation id (<see cref="AuditTrailReader"/>).
/// The chain is verified per blob (<see cref="AuditTrailVerifier"/>).
/// </summary>
public sealed class AuditTrailWriter : IDisposable
{
    /// <summary>Below the 50,000 blocks an append blob can take; the writer moves to a new segment there.</summary>
    public const int MaximumBlocksPerBlob = 49_000;

    /// <summary>Entries in one block: a few hundred bytes each, far below a block's 4 MiB.</summary>
    public const int MaximumRecordsPerBlock = 100;

    /// <summary>Appends of one block, each after the SDK's own retries and a read that found the block not in place.</summary>
    private const int MaximumAttempts = 3;

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
        var now = _timeProvider.GetUtcNow();
        var stamped = entries.Select(entry => entry.Stamped(now)).DistinctBy(entry => entry.OperationId).ToList();
        var blob = await CurrentBlobAsync(DateOnly.FromDateTime(now.UtcDateTime));
        _current = null; // until the block's place is known
        for (var attempt = 1; ; attempt++)
        {
            var (bytes, next) = Block(blob, stamped);
            try
            {
                using var content = new MemoryStream(bytes);
                await blob.Client.AppendBlockAsync(
                    content,
                    new AppendBlobAppendBlockOptions { Conditions = new AppendBlobRequestConditions { IfAppendPositionEqual = blob.Length } });
                _current = next;
                return;
            }
            catch (Exception) when (attempt < MaximumAttempts)
            {
                // Not cancelled by any caller (see GroupCommit): any failure leaves the outcome to find out.
                switch (await PlaceOfAsync(blob, bytes))
                {
                    case BlockPlace.Appended:
                        _current = next;
                        return;
                    case BlockPlace.Elsewhere:
                        blob = await NewSegmentAsync(blob.Day);
                        break;
                }
            }
        }
    }

    /// <summary>Whether a block whose append failed is in the blob after all; throws when the blob cannot be read.</summary>
    private static async Task<BlockPlace> PlaceOfAsync(OpenBlob blob, byte[] bytes)
    {
        var length = (await blob.Client.GetPropertiesAsync()).Value.ContentLength;
        if (length == blob.Length)
        {
            return BlockPlace.NotAppended;
        }

        if (length < blob.Length + bytes.Length)
        {
            return BlockPlace.Elsewhere;
        }

        var tail = await blob.Client.DownloadContentAsync(new BlobDownloadOptions { Range = new HttpRange(blob.Length, bytes.Length) });
        return tail.Value.Content.ToMemory().Span.SequenceEqual(bytes) ? BlockPlace.Appended : BlockPlace.Elsewhere;
    }

    /// <summary>The block of the entries' records chained on to the blob, and the blob as it is once the block is in it.</summary>
    private static (byte[] Bytes, OpenBlob Next) Block(OpenBlob blob, IReadOnlyList<AuditEntry> entries)
    {
        var block = new StringBuilder();
        var (records, lastHash) = (blob.Records, blob.LastHash);
        foreach (var entry in entries)
        {
            var (line, hash) = AuditChain.Format(AuditTrailRecord.Of(entry, ++records, lastHash));
            block.Append(line);
            lastHash = hash;
        }

        var bytes = Encoding.UTF8.GetBytes(block.ToString());
        return (bytes, blob with { Blocks = blob.Blocks + 1, Records = records, LastHash = lastHash, Length = blob.Length + bytes.Length });
    }

    private async Task<OpenBlob> CurrentBlobAsync(DateOnly day)
    {
        if (_current is { } open && open.Day == day && open.Blocks < MaximumBlocksPerBlob)
        {
            return open;
        }

        return await NewSegmentAsync(day);
    }

    private async Task<OpenBlob> NewSegmentAsync(DateOnly day)
    {
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

    private enum BlockPlace
    {
        NotAppended,
        Appended,

        /// <summary>Someone else wrote to the blob: the block is not in it, and the blob is no longer this writer's alone.</summary>
        Elsewhere,
    }

    private sealed record OpenBlob(DateOnly Day, AppendBlobClient Client, int Blocks, long Records, string LastHash, long Length);
}
