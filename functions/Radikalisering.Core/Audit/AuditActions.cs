namespace Radikalisering.Core.Audit;

/// <summary>The audited action names.</summary>
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
}
