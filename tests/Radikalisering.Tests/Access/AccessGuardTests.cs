using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Moq;
using Radikalisering.Core.Access;
using Radikalisering.Core.Audit;
using Radikalisering.Core.Http;

namespace Radikalisering.Tests.Access;

public sealed class AccessGuardTests
{
    private const string Action = "concern.read";
    private const string Subject = "subject-1";

    private readonly Mock<IAuditLog> _audit = new();

    [Fact]
    public async Task A_caller_without_a_principal_gets_401_and_the_refusal_is_audited()
    {
        var decision = await Guard().AuthorizeAsync(Context(header: null), new ApiAccess(AppRoles.ConcernsReadWrite, Action, Subject), CancellationToken.None);

        Assert.True(decision.IsProblem);
        Assert.Equal(StatusCodes.Status401Unauthorized, Assert.IsType<ProblemHttpResult>(decision.Problem).StatusCode);
        _audit.Verify(log => log.WriteAsync(
            new AuditEntry(AuditEntry.AnonymousCaller, Action, Subject, AuditResult.Unauthenticated), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_caller_without_the_role_gets_403_and_the_refusal_is_audited()
    {
        var context = Context(ClientPrincipal.CreateHeaderValue("oid-1", [AppRoles.ReportsRead]));

        var decision = await Guard().AuthorizeAsync(context, new ApiAccess(AppRoles.ConcernsReadWrite, Action, Subject), CancellationToken.None);

        var problem = Assert.IsType<ProblemHttpResult>(decision.Problem);
        Assert.Equal(StatusCodes.Status403Forbidden, problem.StatusCode);
        Assert.Contains(AppRoles.ConcernsReadWrite, problem.ProblemDetails.Detail, StringComparison.Ordinal);
        _audit.Verify(log => log.WriteAsync(
            new AuditEntry("oid-1", Action, Subject, AuditResult.Forbidden), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_caller_with_the_role_is_granted_and_audited_only_on_success()
    {
        var context = Context(ClientPrincipal.CreateHeaderValue("oid-2", [AppRoles.ConcernsReadWrite]));
        var guard = Guard();

        var decision = await guard.AuthorizeAsync(context, new ApiAccess(AppRoles.ConcernsReadWrite, Action, Subject), CancellationToken.None);
        Assert.False(decision.IsProblem);
        _audit.VerifyNoOtherCalls();

        await guard.RecordAsync(decision.Value, Action, Subject, AuditResult.Succeeded, CancellationToken.None);
        _audit.Verify(log => log.WriteAsync(
            new AuditEntry("oid-2", Action, Subject, AuditResult.Succeeded), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task When_the_audit_cannot_be_written_the_refusal_fails_too()
    {
        _audit.Setup(log => log.WriteAsync(It.IsAny<AuditEntry>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("storage down"));

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Guard().AuthorizeAsync(Context(header: null), new ApiAccess(AppRoles.ConcernsReadWrite, Action, Subject), CancellationToken.None));
    }

    [Fact]
    public async Task A_committed_changes_audit_removes_its_intent_once_written()
    {
        var intent = new AuditIntent(Guid.NewGuid(), "oid-3", AuditActions.UpdateConcern, Subject, DateTimeOffset.UnixEpoch);
        var removed = 0;

        await Guard().RecordChangeAsync(intent, _ => Task.FromResult(++removed), CancellationToken.None);

        _audit.Verify(log => log.WriteAsync(intent.ToEntry(), It.IsAny<CancellationToken>()), Times.Once);
        Assert.Equal(1, removed);
    }

    [Fact]
    public async Task A_committed_changes_audit_that_cannot_be_written_does_not_fail_and_keeps_the_intent_for_the_sweep()
    {
        _audit.Setup(log => log.WriteAsync(It.IsAny<AuditEntry>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new Azure.RequestFailedException(503, "unavailable"));
        var intent = new AuditIntent(Guid.NewGuid(), "oid-3", AuditActions.DeleteConcern, Subject, DateTimeOffset.UnixEpoch);
        var removed = 0;

        await Guard().RecordChangeAsync(intent, _ => Task.FromResult(++removed), CancellationToken.None);

        Assert.Equal(0, removed);
    }

    private AccessGuard Guard() => new(_audit.Object, Microsoft.Extensions.Logging.Abstractions.NullLogger<AccessGuard>.Instance);

    private static DefaultHttpContext Context(string? header)
    {
        var context = new DefaultHttpContext();
        if (header is not null)
        {
            context.Request.Headers[ClientPrincipal.HeaderName] = header;
        }

        return context;
    }
}
