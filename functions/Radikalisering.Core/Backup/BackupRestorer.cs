using System.Security.Cryptography;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;
using Radikalisering.Core.Storage;

namespace Radikalisering.Core.Backup;

/// <summary>
/// Restores a complete backup run into empty tables, rows exactly as they were exported. Nothing is
/// written unless the run is complete (its manifest exists), every blob matches the manifest's
/// SHA-256 and row count, and <c>Concerns</c> and <c>ReportSnapshots</c> are empty (tables are created if
/// missing). <c>AuditLog</c> may already hold the entries written since the loss (each row's key is
/// unique, so the restored entries go in beside them).
/// </summary>
public sealed class BackupRestorer(TableServiceClient tableService, BlobServiceClient blobs, IOptions<StorageOptions> options)
{
    private const int MaximumTransactionSize = 100;

    /// <summary>The complete runs (with a manifest), newest first.</summary>
    public async Task<IReadOnlyList<string>> ListRunsAsync(CancellationToken cancellationToken)
    {
        var container = blobs.GetBlobContainerClient(options.Value.BackupContainer);
        if (!await container.ExistsAsync(cancellationToken))
        {
            return [];
        }

        var runs = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions(), cancellationToken))
        {
            if (blob.Name.EndsWith($"/{BackupManifest.FileName}", StringComparison.Ordinal))
            {
                runs.Add(blob.Name[..^(BackupManifest.FileName.Length + 1)]);
            }
        }

        return [.. runs.OrderDescending(StringComparer.Ordinal)];
    }

    public async Task<RestoreResult> RestoreAsync(string run, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(run);
        var container = blobs.GetBlobContainerClient(options.Value.BackupContainer);
        var manifestBlob = container.GetBlobClient(BackupManifest.BlobName(run));
        if (!await container.ExistsAsync(cancellationToken)
            || !await manifestBlob.ExistsAsync(cancellationToken))
        {
            return RestoreResult.NotFound(run);
        }

        var manifest = (await manifestBlob.DownloadContentAsync(cancellationToken)).Value.Content
            .ToObjectFromJson<BackupManifest>(BackupExporter.Json)!;
        var rows = new List<(string Table, BackupRow Row)>();
        foreach (var partition in manifest.Partitions)
        {
            var blob = container.GetBlobClient(partition.Blob);
            if (!await blob.ExistsAsync(cancellationToken))
            {
                return RestoreResult.Damaged(run, partition.Blob);
            }

            var bytes = (await blob.DownloadContentAsync(cancellationToken)).Value.Content.ToArray();
            var lines = System.Text.Encoding.UTF8.GetString(bytes).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            if (Convert.ToHexStringLower(SHA256.HashData(bytes)) != partition.Sha256 || lines.Length != partition.Rows)
            {
                return RestoreResult.Damaged(run, partition.Blob);
            }

            rows.AddRange(lines.Select(line => (partition.Table, JsonSerializer.Deserialize<BackupRow>(line, BackupExporter.Json)!)));
        }

        var targets = BackupTables.Of(options.Value).ToDictionary(table => table.Name, table => tableService.GetTableClient(table.Table));
        var occupied = new List<string>();
        foreach (var (name, table) in targets)
        {
            await table.CreateIfNotExistsAsync(cancellationToken);
            if (name == BackupTables.AuditLog)
            {
                continue;
            }

            await foreach (var _ in table.QueryAsync<TableEntity>(maxPerPage: 1, select: ["PartitionKey"], cancellationToken: cancellationToken))
            {
                occupied.Add(name);
                break;
            }
        }

        if (occupied.Count > 0)
        {
            return RestoreResult.TablesNotEmpty(run, occupied);
        }

        foreach (var batch in rows.GroupBy(row => (row.Table, row.Row.PartitionKey)).SelectMany(partition => partition.Chunk(MaximumTransactionSize)))
        {
            var actions = batch.Select(row => new TableTransactionAction(TableTransactionActionType.Add, row.Row.ToEntity())).ToList();
            await targets[batch[0].Table].SubmitTransactionAsync(actions, cancellationToken);
        }

        return RestoreResult.Restored(run, rows.GroupBy(row => row.Table).ToDictionary(group => group.Key, group => group.Count()));
    }
}
