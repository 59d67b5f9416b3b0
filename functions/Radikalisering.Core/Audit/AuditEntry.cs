namespace Radikalisering.Core.Audit;

/// <summary>
/// One audited access: who (Entra object id, or <see cref="AnonymousCaller"/>), what action, on which
/// subject (a concern id or a year), and how it ended. Never any payload.
/// </summary>
public sealed record AuditEntry(string Who, string Action, string? SubjectId, AuditResult Result)
{
    public const string AnonymousCaller = "anonymous";
}
