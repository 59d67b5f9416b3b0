using Microsoft.AspNetCore.Http;
using Radikalisering.Core.Access;
using Radikalisering.Core.Audit;

namespace Radikalisering.Core.Http;

/// <summary>
/// One authorised call inside <see cref="ApiPipeline"/>: the request, the caller, and how its success is
/// audited: by default as the access's action and subject; a handler may name another subject or action,
/// an intent committed with its change, or the component that audits it itself. A refusal the handler answers
/// (4xx) is audited as the access's action and subject with its result.
/// </summary>
public sealed class ApiCall
{
    private readonly ApiAccess _access;
    private Func<AccessGuard, Task>? _audit;

    internal ApiCall(HttpContext context, ClientPrincipal caller, ApiAccess access, CancellationToken cancellationToken)
    {
        Context = context;
        Caller = caller;
        _access = access;
        CancellationToken = cancellationToken;
    }

    public HttpContext Context { get; }

    public HttpRequest Request => Context.Request;

    public ClientPrincipal Caller { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>Audits the success as <paramref name="action"/> on <paramref name="subject"/> instead of the access's own.</summary>
    public void AuditSuccessAs(string action, string? subject) =>
        _audit = guard => guard.RecordAsync(Caller, action, subject, AuditResult.Succeeded, CancellationToken);

    /// <summary>
    /// Audits the success from the intent committed with the change, then removes the intent with
    /// <paramref name="removeIntent"/>; whatever of that fails is the sweep's, and the success is answered.
    /// </summary>
    public void AuditChange(AuditIntent intent, Func<CancellationToken, Task> removeIntent) =>
        _audit = guard => guard.RecordChangeAsync(intent, removeIntent, CancellationToken);

    /// <summary>The success is audited by the component that did the work, exactly once (e.g. a report send).</summary>
    public void AuditedByTheWork() => _audit = _ => Task.CompletedTask;

    internal Task AuditSuccessAsync(AccessGuard guard) =>
        _audit?.Invoke(guard) ?? guard.RecordAsync(Caller, _access.Action, _access.Subject, AuditResult.Succeeded, CancellationToken);

    internal Task AuditRefusalAsync(AccessGuard guard, int statusCode) =>
        guard.RecordAsync(
            Caller,
            _access.Action,
            _access.Subject,
            statusCode == StatusCodes.Status404NotFound ? AuditResult.NotFound : AuditResult.Refused,
            CancellationToken);
}
