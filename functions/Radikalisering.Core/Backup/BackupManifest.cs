namespace Radikalisering.Core.Backup;

/// <summary>
/// <c>{run}/manifest.json</c>, written last: a run without it is incomplete and never restored.
/// Lists every partition blob with its row count and SHA-256, per table.
/// </summary>
public sealed record BackupManifest(
    string Run,
    DateTimeOffset StartedAt,
    DateTimeOffset CompletedAt,
    int Attempts,
    IReadOnlyList<BackupPartition> Partitions)
{
    public const string FileName = "manifest.json";

    public static string BlobName(string run) => $"{run}/{FileName}";
}

/// <summary>One partition of one table in a run: <c>{run}/{table}/{partition}.jsonl</c>.</summary>
public sealed record BackupPartition(string Table, string PartitionKey, string Blob, int Rows, string Sha256);
