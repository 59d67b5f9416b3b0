using System.Text.Json;
using Radikalisering.Core.Http;

namespace Radikalisering.Core.Concerns;

/// <summary>
/// JSON padded with trailing spaces to a fixed block size before encryption: AES-GCM keeps the
/// plaintext's length, and without padding the length alone would tell e.g. "other" from
/// "municipalEmployee" or a pending outcome from a dated one.
/// </summary>
internal static class PaddedJson
{
    public const int BlockSize = 256;

    public static byte[] Serialize<T>(T value)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(value, JsonDefaults.Options);
        var padded = new byte[(json.Length / BlockSize + 1) * BlockSize];
        json.CopyTo(padded, 0);
        padded.AsSpan(json.Length).Fill((byte)' ');
        return padded;
    }

    public static T Deserialize<T>(byte[] padded) =>
        JsonSerializer.Deserialize<T>(padded, JsonDefaults.Options)
        ?? throw new JsonException($"The decrypted payload holds no {typeof(T).Name}.");
}
