namespace Radikalisering.Core.Audit;

/// <summary>
/// One audited access: who (Entra object id, or <see cref="AnonymousCaller"/>), what action, on which
/// subject (a concern id or a year), and how it ended. Never any payload.
/// </summary>
public sealed record AuditEntry(string Who, string Action, string? SubjectId, AuditResult Result)
{
    public const string AnonymousCaller = "anonymous";

    /// <summary>Who the audit log names for work the system did on its own (timer, queue); the action names the job.</summary>
    public const string SystemCaller = "system";

    /// <summary>
    /// The change this entry audits, when it is one (<see cref="AuditIntent"/>): with it the entry's row id is
    /// fixed, so the request and the sweep that completes its intent write one row, never two.
    /// </summary>
    public Guid? OperationId { get; init; }

    /// <summary>When the audited change happened; null means now.</summary>
    public DateTimeOffset? OccurredAt { get; init; }
}
