using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Radikalisering.Core.AuditTrail;

/// <summary>
/// The trail's line format: <c>{hash} {record}\n</c>, where <c>record</c> is the canonical JSON of an
/// <see cref="AuditTrailRecord"/> (fixed property order, camelCase, no whitespace, non-ASCII escaped)
/// and <c>hash</c> is the lowercase hex SHA-256 of exactly those UTF-8 bytes. The record carries the
/// previous record's hash, so each hash covers the entry and, through it, everything before it.
/// Anyone can check a line with <c>sha256sum</c> over the text after the first space
/// (infra/scripts/verify-audit-trail.sh does).
/// </summary>
public static class AuditChain
{
    private const int HashLength = 64;

    private static readonly JsonSerializerOptions Canonical = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    /// <summary>The <see cref="AuditTrailRecord.Prev"/> of a blob's first record: the hash of the blob's name, so a chain cannot be moved to another blob.</summary>
    public static string GenesisHash(string blobName) => Hash(blobName);

    public static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>The record's line (with its trailing newline) and its hash, the next record's <see cref="AuditTrailRecord.Prev"/>.</summary>
    public static (string Line, string Hash) Format(AuditTrailRecord record)
    {
        var json = JsonSerializer.Serialize(record, Canonical);
        var hash = Hash(json);
        return ($"{hash} {json}\n", hash);
    }

    /// <summary>Splits a line into its stated hash and record; <c>null</c> if it is not a trail line.</summary>
    public static (string StatedHash, string Json, AuditTrailRecord Record)? Parse(string line)
    {
        if (line.Length <= HashLength + 1 || line[HashLength] != ' ')
        {
            return null;
        }

        var json = line[(HashLength + 1)..];
        try
        {
            return JsonSerializer.Deserialize<AuditTrailRecord>(json, Canonical) is { } record
                ? (line[..HashLength], json, record)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
