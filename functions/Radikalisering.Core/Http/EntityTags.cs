using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.RegularExpressions;
using Azure;
using Microsoft.AspNetCore.Http;

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
        $"\"{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(tableETag.ToString()))}\"";

    /// <summary>Parses an <c>If-Match</c> value carrying exactly one entity tag this API issued.</summary>
    public static bool TryParse(string? header, out ETag tableETag)
    {
        tableETag = default;
        var value = header?.Trim();
        if (value is null || value.Length < 3 || value.Length > MaximumHeaderLength || value[0] != '"' || value[^1] != '"')
        {
            return false;
        }

        var opaque = value[1..^1];
        if (opaque.Contains('"', StringComparison.Ordinal) || !Base64Url.IsValid(opaque))
        {
            return false;
        }

        var decoded = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(opaque));
        if (!TableETag().IsMatch(decoded))
        {
            return false;
        }

        tableETag = new ETag(decoded);
        return true;
    }

    [GeneratedRegex(@"^W/""datetime'\d{4}-\d{2}-\d{2}T\d{2}%3A\d{2}%3A\d{2}(\.\d{1,7})?Z'""$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex TableETag();

    /// <summary>Reads <c>If-Match</c>: the table ETag, or 428 when absent, 400 when not a single tag this API issued.</summary>
    public static bool TryReadIfMatch(HttpRequest request, out ETag tableETag, [NotNullWhen(false)] out IResult? problem)
    {
        ArgumentNullException.ThrowIfNull(request);
        problem = null;
        var header = request.Headers.IfMatch;
        if (header.Count == 0 || string.IsNullOrWhiteSpace(header.ToString()))
        {
            tableETag = default;
            problem = Problems.PreconditionRequired(
                HttpHeaderNames.IfMatch,
                "Ændringer kræver headeren If-Match med den ETag, du fik, da du hentede henvendelsen. Så overskriver du ikke en andens ændring.");
            return false;
        }

        if (header.Count == 1 && TryParse(header[0], out tableETag))
        {
            return true;
        }

        tableETag = default;
        problem = Problems.InvalidField(
            HttpHeaderNames.IfMatch,
            "If-Match skal indeholde præcis én ETag, som API'et har udleveret (ikke '*').");
        return false;
    }
}
