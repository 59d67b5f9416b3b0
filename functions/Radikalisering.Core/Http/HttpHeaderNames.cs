namespace Radikalisering.Core.Http;

/// <summary>Header names the API reads or writes, as they are named in problem <c>errors</c>.</summary>
public static class HttpHeaderNames
{
    public const string ContentType = "Content-Type";
    public const string IfMatch = "If-Match";
    public const string ETag = "ETag";
    public const string Location = "Location";
    public const string IdempotencyKey = "Idempotency-Key";
}
