using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Radikalisering.Core.Access;

namespace Radikalisering.Core.Http;

/// <summary>The access an API call needs and the audit entry it is filed under (refusals included).</summary>
public sealed record ApiAccess(string Role, string Action, string? Subject = null);

/// <summary>
/// The one path of every authorised API call: failures mapped to problems (<see cref="ApiFailures"/>:
/// 503 with <c>Retry-After</c>, 500 with a correlation id), the caller authorised (refusals audited by
/// <see cref="AccessGuard"/>), the handler run, and its answer audited before it is given: a success, or a
/// refusal (4xx) with its result; an audit that cannot be written fails the call (a committed change excepted,
/// see <see cref="ApiCall.AuditChange"/>). A 5xx is not audited: nothing happened, and its log names it. Responses are never cached. A handler holds only what is particular to it.
/// </summary>
public sealed class ApiPipeline(AccessGuard guard, ApiFailures failures)
{
    public Task<IResult> RunAsync(
        HttpContext context,
        ApiAccess access,
        Func<ApiCall, Task<IResult>> handle,
        CancellationToken cancellationToken)
    {
        return failures.HandleAsync(context, async () =>
        {
            context.Response.Headers.CacheControl = "no-store";
            var caller = await guard.AuthorizeAsync(context, access, cancellationToken);
            if (caller.IsProblem)
            {
                return caller.Problem;
            }

            var call = new ApiCall(context, caller.Value, access, cancellationToken);
            var result = await handle(call);
            switch (result)
            {
                case IStatusCodeHttpResult { StatusCode: >= 200 and < 300 }:
                    await call.AuditSuccessAsync(guard);
                    break;
                case IStatusCodeHttpResult { StatusCode: >= 400 and < 500 } refusal:
                    await call.AuditRefusalAsync(guard, refusal.StatusCode.Value);
                    break;
            }

            return result;
        });
    }

    /// <summary>A successful answer with the resource's entity tag.</summary>
    public static IResult WithETag(IResult result, string etag) => new HeaderedResult(result, HeaderNames.ETag, etag);
}
