using Microsoft.AspNetCore.Http;

namespace Radikalisering.Core.Http;

/// <summary>A result with one extra response header, e.g. a problem with <c>Retry-After</c>.</summary>
public sealed class HeaderedResult(IResult inner, string header, string value) : IResult, IStatusCodeHttpResult
{
    public IResult Inner { get; } = inner;

    public int? StatusCode => (Inner as IStatusCodeHttpResult)?.StatusCode;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.Headers[header] = value;
        return Inner.ExecuteAsync(httpContext);
    }
}
