using System.Buffers.Text;
using System.Text;
using System.Text.RegularExpressions;
using Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Radikalisering.Core.Localization;

namespace Radikalisering.Core.Http;

/// <summary>
/// Maps the Table service's ETag (a weak <c>W/"datetime'…'"</c>) to an opaque strong HTTP entity tag
/// and back, so <c>If-Match</c> (strong comparison, RFC 9110 §13.1.1) works with what a client echoes.
/// Parsing is strict: only a tag that decodes to the Table service's own ETag shape is accepted, so
/// neither <c>*</c> (base64url <c>Kg</c>) nor arbitrary bytes ever reach the service as a condition.
/// </summary>
public static partial class EntityTags
{
    /// <summary>A Table ETag is about 50 characters; its base64url form with quotes about 70.</summary>
    public const int MaximumHeaderLength = 128;

    public static string ToHeader(ETag tableETag) =>
        new EntityTagHeaderValue($"\"{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(tableETag.ToString()))}\"").ToString();

    /// <summary>The table ETag of an <c>If-Match</c> value carrying exactly one strong entity tag this API issued; else <c>null</c>.</summary>
    public static ETag? Parse(string? header)
    {
        if (header is null || header.Length > MaximumHeaderLength
            || !EntityTagHeaderValue.TryParse(header.Trim(), out var tag) || tag.IsWeak || tag.Tag.Length < 3)
        {
            return null;
        }

        var opaque = tag.Tag.AsSpan(1, tag.Tag.Length - 2);
        if (!Base64Url.IsValid(opaque))
        {
            return null;
        }

        var decoded = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(opaque));
        return TableETag().IsMatch(decoded) ? new ETag(decoded) : null;
    }

    [GeneratedRegex(@"^W/""datetime'\d{4}-\d{2}-\d{2}T\d{2}%3A\d{2}%3A\d{2}(\.\d{1,7})?Z'""$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex TableETag();

    /// <summary>Reads <c>If-Match</c>: the table ETag, or 428 when absent, 400 when not a single tag this API issued.</summary>
    public static ProblemOr<ETag> ReadIfMatch(HttpRequest request)
    {
        StringValues header = request.Headers.IfMatch;
        if (header.Count == 0 || string.IsNullOrWhiteSpace(header.ToString()))
        {
            return Problems.PreconditionRequired(
                HeaderNames.IfMatch,
                DanishTexts.Problem("ifMatchRequired"));
        }

        return header.Count == 1 && Parse(header[0]) is { } tableETag
            ? tableETag
            : Problems.InvalidField(HeaderNames.IfMatch, "If-Match skal indeholde præcis én ETag, som API'et har udleveret (ikke '*').");
    }
}
