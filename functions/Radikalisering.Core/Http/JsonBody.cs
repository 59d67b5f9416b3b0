using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Radikalisering.Core.Http;

/// <summary>
/// Deserializes a request body with <see cref="JsonDefaults.Options"/> and turns every JSON error
/// into a 400 problem naming the field, with a Danish description of what the field must hold. A body that
/// is not JSON text at all (malformed, cut off, not UTF-8) is its own problem (<see cref="Problems.NotValidJson"/>),
/// checked before any field is read, so no field is blamed for where the text broke off.
/// </summary>
public static class JsonBody
{
    /// <param name="content">The UTF-8 body.</param>
    /// <param name="fieldRules">Field name (camelCase) → Danish description of an acceptable value; the known fields.</param>
    public static ProblemOr<T> Deserialize<T>(ReadOnlySpan<byte> content, IReadOnlyDictionary<string, string> fieldRules)
        where T : class
    {
        if (!IsJsonText(content))
        {
            return Problems.NotValidJson();
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(content, JsonDefaults.Options);
            return value is null ? NotAnObject() : value;
        }
        catch (JsonException exception)
        {
            return ProblemFor(exception, fieldRules);
        }
    }

    /// <summary>
    /// Deserializes a JSON merge patch (RFC 7396), parsed once: a member set to <c>null</c> ("remove") is
    /// refused by name, since no field can be removed.
    /// </summary>
    public static ProblemOr<T> DeserializeMergePatch<T>(ReadOnlyMemory<byte> content, IReadOnlyDictionary<string, string> fieldRules)
        where T : class
    {
        if (!IsJsonText(content.Span))
        {
            return Problems.NotValidJson();
        }

        using var document = JsonDocument.Parse(content);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return NotAnObject();
        }

        var removed = root.EnumerateObject().Where(member => member.Value.ValueKind == JsonValueKind.Null).Select(member => member.Name).ToList();
        if (removed.Count > 0)
        {
            return Problems.Validation(removed.ToDictionary(
                field => field,
                field => new[] { $"Feltet '{field}' kan ikke fjernes (null). Udelad feltet for at beholde værdien." }));
        }

        return Deserialize<T>(root, fieldRules);
    }

    private static ProblemOr<T> Deserialize<T>(JsonElement root, IReadOnlyDictionary<string, string> fieldRules)
        where T : class
    {
        try
        {
            return root.Deserialize<T>(JsonDefaults.Options) is { } value ? value : NotAnObject();
        }
        catch (JsonException exception)
        {
            return ProblemFor(exception, fieldRules);
        }
    }

    private static ValidationProblem NotAnObject() => Problems.InvalidField(Problems.BodyMember, "Indholdet skal være et JSON-objekt.");

    /// <summary>The serializer's reading rules (comments, trailing commas, depth), for the well-formedness check.</summary>
    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        AllowTrailingCommas = JsonDefaults.Options.AllowTrailingCommas,
        CommentHandling = JsonDefaults.Options.ReadCommentHandling,
        MaxDepth = JsonDefaults.Options.MaxDepth,
    };

    /// <summary>Whether the body is one well-formed JSON value in valid UTF-8, read as the serializer reads it.</summary>
    private static bool IsJsonText(ReadOnlySpan<byte> content)
    {
        if (!Utf8.IsValid(content))
        {
            return false;
        }

        var reader = new Utf8JsonReader(content, ReaderOptions);
        try
        {
            while (reader.Read())
            {
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    internal static ValidationProblem ProblemFor(JsonException exception, IReadOnlyDictionary<string, string> fieldRules)
    {
        var field = TopLevelField(exception.Path);
        if (field is null)
        {
            return NotAnObject();
        }

        if (fieldRules.TryGetValue(field, out var rule))
        {
            return Problems.InvalidField(field, $"Feltet '{field}' {rule} Feltet må kun forekomme én gang.");
        }

        var known = string.Join(", ", fieldRules.Keys);
        return Problems.InvalidField(field, $"Feltet '{field}' er ukendt. Tilladte felter: {known}.");
    }

    /// <summary>The first property of a JSON path such as <c>$.receivedOn</c> or <c>$['receivedOn'].x</c>.</summary>
    internal static string? TopLevelField(string? path)
    {
        if (path is null || !path.StartsWith('$') || path.Length < 2)
        {
            return null;
        }

        if (path[1] == '.')
        {
            var rest = path[2..];
            var end = rest.IndexOfAny(['.', '[']);
            return end < 0 ? rest : rest[..end];
        }

        if (path.StartsWith("$['", StringComparison.Ordinal))
        {
            var end = path.IndexOf("']", 3, StringComparison.Ordinal);
            return end < 0 ? null : path[3..end];
        }

        return null;
    }
}
