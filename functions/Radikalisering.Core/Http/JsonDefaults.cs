using System.Text.Json;
using System.Text.Json.Serialization;

namespace Radikalisering.Core.Http;

/// <summary>
/// The one JSON dialect of the API and of encrypted payloads: camelCase, enums as exactly their
/// camelCase names (never numbers or other spellings), no unknown or duplicate properties, no numbers in strings.
/// </summary>
public static class JsonDefaults
{
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>Applies the API's settings to options owned by a host (e.g. ASP.NET Core's <c>JsonOptions</c>).</summary>
    public static void Apply(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = null;
        options.PropertyNameCaseInsensitive = false;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.AllowDuplicateProperties = false;
        options.RespectNullableAnnotations = true;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.Converters.Add(new StrictEnumConverterFactory());
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Apply(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
