using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Radikalisering.Core.Http;

/// <summary>
/// Reads a request body of an accepted media type, at most <see cref="MaximumBytes"/> long, without
/// trusting <c>Content-Length</c>: 415 for another media type or charset, 413 when too large,
/// 400 when empty.
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
        if (!IsAccepted(request.ContentType, acceptedMediaTypes))
        {
            return Problems.UnsupportedMediaType(acceptedMediaTypes);
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

        if (content.Length == 0)
        {
            return Problems.InvalidField("body", "Anmodningen mangler indhold (et JSON-objekt).");
        }

        return content;
    }

    private static bool IsAccepted(string? contentType, IReadOnlyCollection<string> acceptedMediaTypes)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed) || parsed.MediaType.Value is not { } mediaType)
        {
            return false;
        }

        var charsetIsUtf8 = !parsed.Charset.HasValue
            || string.Equals(parsed.Charset.Value, Encoding.UTF8.WebName, StringComparison.OrdinalIgnoreCase)
            || string.Equals(parsed.Charset.Value, "utf8", StringComparison.OrdinalIgnoreCase);
        return charsetIsUtf8 && acceptedMediaTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase);
    }

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
