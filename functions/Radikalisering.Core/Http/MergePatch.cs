using System.Text.Json;

namespace Radikalisering.Core.Http;

/// <summary>JSON merge patch (RFC 7396) helpers.</summary>
public static class MergePatch
{
    /// <summary>
    /// The top-level members set to <c>null</c>, which in a merge patch means "remove". Empty when the
    /// content is not a JSON object (deserialization reports that).
    /// </summary>
    public static IReadOnlyList<string> RemovedMembers(ReadOnlyMemory<byte> content)
    {
        try
        {
            using var document = JsonDocument.Parse(content);
            return document.RootElement.ValueKind != JsonValueKind.Object
                ? []
                : document.RootElement.EnumerateObject()
                    .Where(member => member.Value.ValueKind == JsonValueKind.Null)
                    .Select(member => member.Name)
                    .ToList();
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
