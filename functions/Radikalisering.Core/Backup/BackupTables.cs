using Radikalisering.Core.Storage;

namespace Radikalisering.Core.Backup;

/// <summary>The tables a backup holds, by their fixed names in the backup, and the configured table each one is.</summary>
public static class BackupTables
{
    public const string Concerns = "Concerns";
    public const string AuditLog = "AuditLog";
    public const string ReportSnapshots = "ReportSnapshots";

    public static IReadOnlyList<(string Name, string Table)> Of(StorageOptions options)
    {
        return
        [
            (Concerns, options.ConcernsTable),
            (AuditLog, options.AuditLogTable),
            (ReportSnapshots, options.ReportSnapshotsTable),
        ];
    }

    public static string PartitionBlobName(string run, string table, string partitionKey) =>
        $"{run}/{table}/{Uri.EscapeDataString(partitionKey)}.jsonl";
}
