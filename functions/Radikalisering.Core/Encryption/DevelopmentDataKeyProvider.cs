using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Radikalisering.Core.Encryption;

/// <summary>A fixed local key from <c>KeyVault:DevelopmentKey</c>. Refuses to exist outside the Development environment.</summary>
public sealed class DevelopmentDataKeyProvider : IDataKeyProvider
{
    public const string KeyVersion = "development";

    private readonly DataKey _key;

    public DevelopmentDataKeyProvider(IOptions<KeyVaultOptions> options, IHostEnvironment environment)
    {
        if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                $"The development data key may only be used in the Development environment, not '{environment.EnvironmentName}'.");
        }

        _key = DataKey.FromBase64(KeyVersion, options.Value.DevelopmentKey, "KeyVault:DevelopmentKey");
    }

    public ValueTask<DataKey> GetCurrentKeyAsync(CancellationToken cancellationToken) => ValueTask.FromResult(_key);

    public ValueTask<DataKey> GetKeyAsync(string version, CancellationToken cancellationToken) =>
        version == KeyVersion
            ? ValueTask.FromResult(_key)
            : throw new UnknownKeyVersionException($"Key version '{version}' is not the development key; it needs the Key Vault.");
}
