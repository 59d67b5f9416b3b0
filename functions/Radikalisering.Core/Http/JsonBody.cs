using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Radikalisering.Core.Http;

/// <summary>
/// Deserializes a request body with <see cref="JsonDefaults.Options"/> and turns every JSON error
/// into a 400 problem naming the field, with a Danish description of what the field must hold.
/// </summary>
public static class JsonBody
{
    /// <param name="content">The UTF-8 body.</param>
    /// <param name="fieldRules">Field name (camelCase) → Danish description of an acceptable value; the known fields.</param>
    public static JsonBodyResult<T> Deserialize<T>(ReadOnlySpan<byte> content, IReadOnlyDictionary<string, string> fieldRules)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(fieldRules);
        try
        {
            var value = JsonSerializer.Deserialize<T>(content, JsonDefaults.Options);
            return value is null
                ? JsonBodyResult<T>.Refused(Problems.InvalidField("body", "Indholdet skal være et JSON-objekt."))
                : JsonBodyResult<T>.Read(value);
        }
        catch (JsonException exception)
        {
            return JsonBodyResult<T>.Refused(ProblemFor(exception, fieldRules));
        }
    }

    internal static IResult ProblemFor(JsonException exception, IReadOnlyDictionary<string, string> fieldRules)
    {
        var field = TopLevelField(exception.Path);
        if (field is null)
        {
            return Problems.InvalidField("body", "Indholdet er ikke gyldig JSON eller ikke et JSON-objekt.");
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

/// <summary>Either the deserialized body or the problem that refuses it.</summary>
public sealed class JsonBodyResult<T>
    where T : class
{
    private JsonBodyResult(T? value, IResult? problem)
    {
        Value = value;
        Problem = problem;
    }

    public T? Value { get; }

    public IResult? Problem { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool Succeeded => Value is not null;

    internal static JsonBodyResult<T> Read(T value) => new(value, null);

    internal static JsonBodyResult<T> Refused(IResult problem) => new(null, problem);
}
