using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Radikalisering.Core.Concerns;

/// <summary>
/// The list's continuation token: the year and the Table service's own token (two opaque keys
/// separated by a space), base64url encoded so clients treat it as opaque. It is only accepted for
/// the year it was issued for, and only in the service token's shape.
/// </summary>
internal static class ListTokens
{
    private const int MaximumLength = 2048;

    public static string Encode(int year, string tableToken) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{year} {tableToken}")));

    public static bool TryDecode(string token, int year, out string tableToken)
    {
        tableToken = "";
        if (token.Length > MaximumLength || !Base64Url.IsValid(token))
        {
            return false;
        }

        var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token)).Split(' ');
        if (parts is not [var issuedFor, var nextPartition, var nextRow]
            || issuedFor != year.ToString(CultureInfo.InvariantCulture)
            || nextPartition.Length == 0
            || nextRow.Length == 0)
        {
            return false;
        }

        tableToken = $"{nextPartition} {nextRow}";
        return true;
    }
}
