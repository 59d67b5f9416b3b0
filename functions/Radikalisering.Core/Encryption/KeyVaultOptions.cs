namespace Radikalisering.Core.Encryption;

/// <summary>The <c>KeyVault</c> section: where the data key lives, or (Development only) a local key.</summary>
public sealed class KeyVaultOptions
{
    public const string SectionName = "KeyVault";

    public Uri? VaultUri { get; set; }

    public string DataKeySecretName { get; set; } = "concerns-data-key";

    /// <summary>Base64 of 32 bytes. Only honoured in the Development environment and only without a vault.</summary>
    public string? DevelopmentKey { get; set; }

    /// <summary>How long the current key version is trusted before Key Vault is asked again (rotation pick-up time).</summary>
    public TimeSpan CurrentKeyRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);
}
