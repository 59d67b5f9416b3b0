namespace Radikalisering.Core.Encryption;

/// <summary>A 256-bit data key and the Key Vault secret version it came from. Never printed.</summary>
public sealed class DataKey
{
    public const int SizeInBytes = 32;

    public DataKey(string version, byte[] material)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        if (material.Length != SizeInBytes)
        {
            throw new ArgumentException($"A data key is {SizeInBytes} bytes.", nameof(material));
        }

        Version = version;
        Material = material;
    }

    public string Version { get; }

    internal byte[] Material { get; }

    public override string ToString() => $"DataKey(version {Version})";

    /// <summary>Decodes a base64 secret value into a key, or explains (without echoing the value) why not.</summary>
    public static DataKey FromBase64(string version, string? base64, string origin)
    {
        var material = new byte[SizeInBytes];
        if (string.IsNullOrWhiteSpace(base64)
            || !Convert.TryFromBase64String(base64.Trim(), material, out var written)
            || written != SizeInBytes)
        {
            throw new InvalidOperationException($"{origin} is not a base64-encoded {SizeInBytes * 8}-bit key.");
        }

        return new DataKey(version, material);
    }
}
