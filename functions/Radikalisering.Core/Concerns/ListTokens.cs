using System.Buffers.Text;
using System.Text;

namespace Radikalisering.Core.Concerns;

/// <summary>
/// The list's continuation token: the Table service's token (<c>"{partition} {row}"</c>), base64url
/// encoded so clients treat it as opaque, and only accepted for the year it was issued for.
/// </summary>
internal static class ListTokens
{
    public static string Encode(string tableToken) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(tableToken));

    public static bool TryDecode(string token, int year, out string tableToken)
    {
        tableToken = "";
        if (token.Length > 1024 || !Base64Url.IsValid(token))
        {
            return false;
        }

        var decoded = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        if (!decoded.StartsWith(ConcernStore.PartitionKeyOf(year) + " ", StringComparison.Ordinal))
        {
            return false;
        }

        tableToken = decoded;
        return true;
    }
}
