using Microsoft.AspNetCore.Http;

namespace Radikalisering.Core.Http;

/// <summary>
/// A JSON response in the API's dialect with optional <c>ETag</c> and <c>Location</c>, written without
/// depending on the host's JSON settings (the Functions host and the test host differ).
/// </summary>
public sealed class JsonResourceResult<T>(int statusCode, T value, string? etag = null, string? location = null)
    : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<T>
{
    public int StatusCode { get; } = statusCode;

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    public T Value { get; } = value;

    object? IValueHttpResult.Value => Value;

    public string? ETag { get; } = etag;

    public string? Location { get; } = location;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCode;
        if (ETag is not null)
        {
            response.Headers.ETag = ETag;
        }

        if (Location is not null)
        {
            response.Headers.Location = Location;
        }

        response.Headers.CacheControl = "no-store";
        return response.WriteAsJsonAsync(Value, JsonDefaults.Options, httpContext.RequestAborted);
    }
}
