using Microsoft.AspNetCore.Http;

namespace Radikalisering.Core.Http;

/// <summary>
/// A result with one extra response header: <c>ETag</c> on a resource, <c>Retry-After</c> on a 503, <c>Allow</c> on a 405.
/// Our own because <see cref="TypedResults"/> sets only <c>Location</c> of its own accord.
/// </summary>
public sealed class HeaderedResult(IResult inner, string header, string value) : IResult, IStatusCodeHttpResult
{
    public IResult Inner { get; } = inner;

    public int? StatusCode => (Inner as IStatusCodeHttpResult)?.StatusCode;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers[header] = value;
        return Inner.ExecuteAsync(httpContext);
    }
}
