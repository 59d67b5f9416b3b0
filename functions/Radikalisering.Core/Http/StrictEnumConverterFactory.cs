using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Radikalisering.Core.Http;

/// <summary>
/// Enums as camelCase strings, read strictly: exactly the camelCase member name, never a number and,
/// unlike <see cref="JsonStringEnumConverter"/> (which matches names case-insensitively), never another spelling.
/// </summary>
public sealed class StrictEnumConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert)
    {
        return typeToConvert.IsEnum;
    }

    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "The app is not compiled ahead of time.")]
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "The app is not trimmed.")]
    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(StrictEnumConverter<>).MakeGenericType(typeToConvert))!;

    private sealed class StrictEnumConverter<TEnum> : JsonConverter<TEnum>
        where TEnum : struct, Enum
    {
        private static readonly Dictionary<string, TEnum> ByName = Enum.GetValues<TEnum>()
            .ToDictionary(value => JsonNamingPolicy.CamelCase.ConvertName(value.ToString()), StringComparer.Ordinal);

        private static readonly Dictionary<TEnum, string> NameOf = ByName.ToDictionary(pair => pair.Value, pair => pair.Key);

        public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String && reader.GetString() is { } name && ByName.TryGetValue(name, out var value)
                ? value
                : throw new JsonException($"Expected one of: {string.Join(", ", ByName.Keys)}.");

        public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
        {
            writer.WriteStringValue(NameOf.TryGetValue(value, out var name)
                ? name
                : throw new JsonException($"{typeof(TEnum).Name} has no member {value}."));
        }
    }
}
