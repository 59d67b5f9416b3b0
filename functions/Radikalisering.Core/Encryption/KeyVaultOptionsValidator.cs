using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Radikalisering.Core.Encryption;

/// <summary>Outside Development the app refuses to start without a Key Vault, and never takes a key from configuration.</summary>
internal sealed class KeyVaultOptionsValidator(IHostEnvironment environment) : IValidateOptions<KeyVaultOptions>
{
    public ValidateOptionsResult Validate(string? name, KeyVaultOptions options)
    {
        var failures = new List<string>();
        if (options.VaultUri is { } vaultUri && (!vaultUri.IsAbsoluteUri || vaultUri.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add("KeyVault:VaultUri must be an absolute https URI.");
        }

        if (string.IsNullOrWhiteSpace(options.DataKeySecretName))
        {
            failures.Add("KeyVault:DataKeySecretName is required.");
        }

        if (options.CurrentKeyRefreshInterval <= TimeSpan.Zero || options.CurrentKeyRefreshInterval > TimeSpan.FromHours(1))
        {
            failures.Add("KeyVault:CurrentKeyRefreshInterval must be positive and at most one hour.");
        }

        if (!environment.IsDevelopment())
        {
            if (options.VaultUri is null)
            {
                failures.Add($"KeyVault:VaultUri is required outside Development (environment '{environment.EnvironmentName}').");
            }

            if (!string.IsNullOrWhiteSpace(options.DevelopmentKey))
            {
                failures.Add("KeyVault:DevelopmentKey must not be set outside Development.");
            }
        }
        else if (options.VaultUri is null && string.IsNullOrWhiteSpace(options.DevelopmentKey))
        {
            failures.Add("Set KeyVault:VaultUri or, for local development, KeyVault:DevelopmentKey (base64 of 32 bytes).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
