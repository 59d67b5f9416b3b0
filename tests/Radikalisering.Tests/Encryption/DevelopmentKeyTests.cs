using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Moq;
using Radikalisering.Core.Encryption;

namespace Radikalisering.Tests.Encryption;

public sealed class DevelopmentKeyTests
{
    private const string Key = "ZGV2ZWxvcG1lbnQta2V5LW9ubHktZm9yLXRlc3RzISE=";

    [Fact]
    public async Task The_development_key_serves_in_Development()
    {
        var provider = new DevelopmentDataKeyProvider(Options.Create(new KeyVaultOptions { DevelopmentKey = Key }), Environment("Development"));

        var key = await provider.GetCurrentKeyAsync(CancellationToken.None);

        Assert.Equal(DevelopmentDataKeyProvider.KeyVersion, key.Version);
        Assert.Same(key, await provider.GetKeyAsync(DevelopmentDataKeyProvider.KeyVersion, CancellationToken.None));
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void The_development_key_refuses_to_run_elsewhere(string environment)
    {
        var exception = Assert.Throws<InvalidOperationException>(() =>
            new DevelopmentDataKeyProvider(Options.Create(new KeyVaultOptions { DevelopmentKey = Key }), Environment(environment)));

        Assert.Contains(environment, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_row_under_a_vault_version_cannot_be_read_with_the_development_key()
    {
        var provider = new DevelopmentDataKeyProvider(Options.Create(new KeyVaultOptions { DevelopmentKey = Key }), Environment("Development"));

        await Assert.ThrowsAsync<UnknownKeyVersionException>(() => provider.GetKeyAsync("0123456789abcdef", CancellationToken.None).AsTask());
    }

    [Fact]
    public void Outside_Development_a_vault_is_required_and_a_configured_key_is_refused()
    {
        var validator = new KeyVaultOptionsValidator(Environment("Production"));

        var result = validator.Validate(null, new KeyVaultOptions { DevelopmentKey = Key });

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, failure => failure.Contains("VaultUri is required", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, failure => failure.Contains("DevelopmentKey must not be set", StringComparison.Ordinal));
    }

    [Fact]
    public void Outside_Development_a_vault_alone_is_valid()
    {
        var validator = new KeyVaultOptionsValidator(Environment("Production"));

        Assert.True(validator.Validate(null, new KeyVaultOptions { VaultUri = new Uri("https://kv.vault.azure.net/") }).Succeeded);
    }

    [Fact]
    public void In_Development_either_a_vault_or_a_development_key_is_needed()
    {
        var validator = new KeyVaultOptionsValidator(Environment("Development"));

        Assert.True(validator.Validate(null, new KeyVaultOptions()).Failed);
        Assert.True(validator.Validate(null, new KeyVaultOptions { DevelopmentKey = Key }).Succeeded);
    }

    private static IHostEnvironment Environment(string name) => Mock.Of<IHostEnvironment>(environment => environment.EnvironmentName == name);
}
