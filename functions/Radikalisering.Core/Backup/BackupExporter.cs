using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Radikalisering.Core.Storage;

namespace Radikalisering.Core.Backup;

/// <summary>
/// The daily backup: every row of <c>Concerns</c>, <c>AuditLog</c> and <c>ReportSnapshots</c>, exactly
/// as stored (payloads still sealed), one blob per table partition under a new run folder, then the
/// manifest. A run is one consistent snapshot: afterwards every row written since the run began must
/// have been exported in the version it has now, else the run is thrown away and taken again (up to
/// <see cref="MaximumAttempts"/> times; the last is kept and says how many it took). Rows deleted
/// while a run reads are not detected; restoring such a row brings back what a later delete removed.
/// </summary>
public sealed partial class BackupExporter(
    TableClientProvider tables,
    BlobServiceClient blobs,
    IOptions<StorageOptions> options,
    TimeProvider timeProvider,
    ILogger<BackupExporter> logger)
{
    /// <summary>NCRONTAB (with seconds), UTC: every day at 02:00, before the morning's report and retention runs.</summary>
    public const string Schedule = "0 0 2 * * *";

    public const int MaximumAttempts = 3;

    /// <summary>How far the storage servers' clock (row timestamps) may be behind the app's.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    internal static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    public async Task<BackupManifest> ExportAsync(CancellationToken cancellationToken)
    {
        var container = blobs.GetBlobContainerClient(options.Value.BackupContainer);
        await container.CreateIfMissingAsync(cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var startedAt = timeProvider.GetUtcNow();
            var run = $"{startedAt.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}-{Guid.NewGuid().ToString("N")[..8]}";
            var exported = new Dictionary<(string Table, string PartitionKey, string RowKey), ETag>();
            var partitions = new List<BackupPartition>();
            foreach (var (name, table) in BackupTables.Of(options.Value))
            {
                partitions.AddRange(await ExportTableAsync(container, run, name, table, exported, cancellationToken));
            }

            var consistent = await UnchangedSinceAsync(startedAt, exported, cancellationToken);
            if (consistent || attempt == MaximumAttempts)
            {
                if (!consistent)
                {
                    LogKeptInconsistent(run, attempt);
                }

                var manifest = new BackupManifest(run, startedAt, timeProvider.GetUtcNow(), attempt, partitions);
                await container.GetBlobClient(BackupManifest.BlobName(run))
                    .UploadAsync(BinaryData.FromObjectAsJson(manifest, Json), overwrite: false, cancellationToken);
                LogExported(run, manifest.Partitions.Count, attempt);
                return manifest;
            }

            await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Prefix = $"{run}/" }, cancellationToken))
            {
                await container.DeleteBlobIfExistsAsync(blob.Name, cancellationToken: cancellationToken);
            }
        }
    }

    private async Task<List<BackupPartition>> ExportTableAsync(
        BlobContainerClient container,
        string run,
        string name,
        string tableName,
        Dictionary<(string, string, string), ETag> exported,
        CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(tableName, cancellationToken);
        var partitions = new List<BackupPartition>();
        var lines = new StringBuilder();
        string? partitionKey = null;
        var rows = 0;
        await foreach (var entity in table.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
        {
            if (partitionKey is not null && entity.PartitionKey != partitionKey)
            {
                partitions.Add(await UploadPartitionAsync(container, run, name, partitionKey, lines, rows, cancellationToken));
                lines.Clear();
                rows = 0;
            }

            partitionKey = entity.PartitionKey;
            lines.Append(JsonSerializer.Serialize(BackupRow.Of(entity), Json)).Append('\n');
            rows++;
            exported[(tableName, entity.PartitionKey, entity.RowKey)] = entity.ETag;
        }

        if (partitionKey is not null)
        {
            partitions.Add(await UploadPartitionAsync(container, run, name, partitionKey, lines, rows, cancellationToken));
        }

        return partitions;
    }

    private static async Task<BackupPartition> UploadPartitionAsync(
        BlobContainerClient container,
        string run,
        string table,
        string partitionKey,
        StringBuilder lines,
        int rows,
        CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(lines.ToString());
        var blobName = BackupTables.PartitionBlobName(run, table, partitionKey);
        await container.GetBlobClient(blobName).UploadAsync(new BinaryData(bytes), overwrite: false, cancellationToken);
        return new BackupPartition(table, partitionKey, blobName, rows, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    /// <summary>Whether every row written since shortly before the run began was exported in its present version.</summary>
    private async Task<bool> UnchangedSinceAsync(
        DateTimeOffset startedAt,
        Dictionary<(string, string, string), ETag> exported,
        CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"Timestamp ge {startedAt - ClockSkew}");
        foreach (var (_, tableName) in BackupTables.Of(options.Value))
        {
            var table = await tables.GetAsync(tableName, cancellationToken);
            await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
            {
                if (!exported.TryGetValue((tableName, entity.PartitionKey, entity.RowKey), out var etag) || etag != entity.ETag)
                {
                    return false;
                }
            }
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Backup run {Run}: {Partitions} table partitions exported (attempt {Attempt}).")]
    private partial void LogExported(string run, int partitions, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Backup run {Run}: rows kept changing during {Attempts} attempts; this run is kept, but it is not one consistent snapshot.")]
    private partial void LogKeptInconsistent(string run, int attempts);
}
