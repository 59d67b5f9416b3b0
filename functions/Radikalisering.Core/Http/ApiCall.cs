using Microsoft.AspNetCore.Http;
using Radikalisering.Core.Access;
using Radikalisering.Core.Audit;

namespace Radikalisering.Core.Http;

/// <summary>
/// One authorised call inside <see cref="ApiPipeline"/>: the request, the caller, and how its success is
/// audited: by default as the access's action and subject; a handler may name another subject or action,
/// an intent committed with its change, or the component that audits it itself.
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
        _audit = guard => guard.RecordSuccessAsync(Caller, action, subject, CancellationToken);

    /// <summary>Audits the success from the intent committed with the change (the sweep writes the same row if this fails).</summary>
    public void AuditChange(AuditIntent intent) =>
        _audit = guard => guard.RecordChangeAsync(intent, CancellationToken);

    /// <summary>The success is audited by the component that did the work, exactly once (e.g. a report send).</summary>
    public void AuditedByTheWork() => _audit = _ => Task.CompletedTask;

    internal Task AuditSuccessAsync(AccessGuard guard) =>
        _audit?.Invoke(guard) ?? guard.RecordSuccessAsync(Caller, _access.Action, _access.Subject, CancellationToken);
}
