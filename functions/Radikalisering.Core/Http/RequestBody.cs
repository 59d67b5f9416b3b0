using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Radikalisering.Core.Http;

/// <summary>
/// Reads a request body of an accepted media type, at most <see cref="MaximumBytes"/> long, without
/// trusting <c>Content-Length</c>: 415 for another media type or charset, 413 when too large,
/// 400 when empty. The media type is compared as RFC 9110 parses it (case-insensitive type and parameter
/// names, quoted or bare values, whitespace around <c>;</c>); a UTF-8 byte order mark, which RFC 8259 lets a
/// reader ignore, is dropped.
/// </summary>
public static class RequestBody
{
    /// <summary>Four facts fit in well under 200 bytes; 4 KiB leaves room for whitespace, not for smuggling.</summary>
    public const int MaximumBytes = 4 * 1024;

    public const string JsonMediaType = "application/json";
    public const string MergePatchMediaType = "application/merge-patch+json";

    public static async Task<ProblemOr<byte[]>> ReadAsync(
        HttpRequest request,
        IReadOnlyCollection<string> acceptedMediaTypes,
        CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !acceptedMediaTypes.Contains(contentType.MediaType.Value, StringComparer.OrdinalIgnoreCase))
        {
            return Problems.UnsupportedMediaType(acceptedMediaTypes);
        }

        if (CharsetOf(contentType) is { } charset && !IsUtf8(charset))
        {
            return Problems.UnsupportedCharset(charset);
        }

        if (request.ContentLength > MaximumBytes)
        {
            return Problems.ContentTooLarge(MaximumBytes);
        }

        var content = await ReadAtMostAsync(request.Body, MaximumBytes + 1, cancellationToken);
        if (content.Length > MaximumBytes)
        {
            return Problems.ContentTooLarge(MaximumBytes);
        }

        if (content.AsSpan().StartsWith(Utf8ByteOrderMark))
        {
            content = content[Utf8ByteOrderMark.Length..];
        }

        if (content.Length == 0)
        {
            return Problems.InvalidField("body", "Anmodningen mangler indhold (et JSON-objekt).");
        }

        return content;
    }

    private static ReadOnlySpan<byte> Utf8ByteOrderMark => [0xEF, 0xBB, 0xBF];

    /// <summary>The <c>charset</c> parameter's value without its quotes; null when there is none.</summary>
    private static string? CharsetOf(MediaTypeHeaderValue contentType) =>
        contentType.Charset.HasValue ? HeaderUtilities.RemoveQuotes(contentType.Charset).Value : null;

    private static bool IsUtf8(string charset) =>
        string.Equals(charset, Encoding.UTF8.WebName, StringComparison.OrdinalIgnoreCase)
        || string.Equals(charset, "utf8", StringComparison.OrdinalIgnoreCase);

    private static async Task<byte[]> ReadAtMostAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        var buffer = new byte[limit];
        var total = 0;
        while (total < limit)
        {
            var read = await body.ReadAsync(buffer.AsMemory(total, limit - total), cancellationToken);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return buffer[..total];
    }
}
