namespace Radikalisering.Core.Audit;

/// <summary>The audit log's action names: the one catalogue of what is audited.</summary>
public static class AuditActions
{
    public const string CreateConcern = "concern.create";
    public const string ListConcerns = "concern.list";
    public const string ReadConcern = "concern.read";
    public const string UpdateConcern = "concern.update";
    public const string DeleteConcern = "concern.delete";
    public const string ReencryptConcerns = "concern.reencrypt";

    /// <summary>A stored concern could not be decrypted or read (tampered, swapped, unknown key or schema).</summary>
    public const string IntegrityAlert = "concern.integrity-alert";

    public const string ReadStatistics = "statistics.read";
    public const string CompileReport = "report.compile";
    public const string SendReport = "report.send";
    public const string RetentionDeleteConcern = "retention.delete";

    public const string VerifyAuditTrail = "audittrail.verify";
    public const string ListBackups = "backup.list";
    public const string RestoreBackup = "backup.restore";
}
