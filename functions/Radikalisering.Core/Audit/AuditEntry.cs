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
    /// The audited event's id, named by its <c>AuditLog</c> row and its trail record alike. A change's is its
    /// intent's (<see cref="AuditIntent"/>), so the request and the sweep that completes the intent write one row
    /// and one record, never two; null means a new event, which <see cref="Stamped"/> gives one.
    /// </summary>
    public Guid? OperationId { get; init; }

    /// <summary>When the audited event happened; null means now.</summary>
    public DateTimeOffset? OccurredAt { get; init; }

    /// <summary>The entry with its operation id and time fixed, so every store of it names the same event.</summary>
    public AuditEntry Stamped(DateTimeOffset now) =>
        OperationId is not null && OccurredAt is not null ? this : this with { OperationId = OperationId ?? Guid.NewGuid(), OccurredAt = OccurredAt ?? now };
}
