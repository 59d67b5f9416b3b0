using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Radikalisering.Core.Storage;

namespace Radikalisering.Core.Encryption;

public static class EncryptionServiceCollectionExtensions
{
    /// <summary>
    /// <see cref="KeyVaultOptions"/> (validated on start: no vault outside Development → no start),
    /// the data key provider (Key Vault when a vault URI is set, else the development key) and
    /// <see cref="PayloadCipher"/>. The Key Vault client comes from <c>AddAzureClients</c> (see
    /// <see cref="StorageServiceCollectionExtensions.AddAzureClientDefaults"/>).
    /// </summary>
    public static IServiceCollection AddEncryption(
        this IServiceCollection services,
        IConfiguration configuration,
        IHostEnvironment environment)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<KeyVaultOptions>()
            .Bind(configuration.GetSection(KeyVaultOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KeyVaultOptions>, KeyVaultOptionsValidator>());

        var usesVault = configuration.GetSection(KeyVaultOptions.SectionName)[nameof(KeyVaultOptions.VaultUri)] is { Length: > 0 };
        if (usesVault || !environment.IsDevelopment())
        {
            services.AddAzureClients(clients => clients.AddClient<SecretClient, SecretClientOptions>((options, credential, provider) =>
                new SecretClient(
                    provider.GetRequiredService<IOptions<KeyVaultOptions>>().Value.VaultUri
                        ?? throw new InvalidOperationException("KeyVault:VaultUri is required."),
                    credential,
                    options)));
            services.TryAddSingleton<IDataKeyProvider, KeyVaultDataKeyProvider>();
        }
        else
        {
            services.TryAddSingleton<IDataKeyProvider, DevelopmentDataKeyProvider>();
        }

        services.TryAddSingleton<PayloadCipher>();
        return services;
    }
}
