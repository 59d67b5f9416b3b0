namespace Radikalisering.Core.Audit;

/// <summary>The <c>AuditLog</c> table's properties besides the keys.</summary>
public static class AuditLogColumns
{
    public const string Who = "Who";
    public const string Action = "Action";
    public const string SubjectId = "SubjectId";
    public const string Result = "Result";
    public const string OccurredAt = "OccurredAt";
}
