using System.Security.Cryptography;
using Azure;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Radikalisering.Core.Encryption;

namespace Radikalisering.Tests.Encryption;

public sealed class KeyVaultDataKeyProviderTests
{
    private const string SecretName = "concerns-data-key";
    private static readonly Uri Vault = new("https://kv-test.vault.azure.net/");

    private readonly Mock<SecretClient> _secrets = new(MockBehavior.Strict);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 6, 15, 10, 0, 0, TimeSpan.Zero));
    private readonly Dictionary<string, string> _versions = [];
    private string _latest = "";

    public KeyVaultDataKeyProviderTests()
    {
        _secrets
            .Setup(client => client.GetSecretAsync(SecretName, It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string _, string? version, CancellationToken _) => Secret(version ?? _latest));
    }

    [Fact]
    public async Task The_current_key_is_read_once_within_the_refresh_interval()
    {
        AddVersion("v1");
        using var provider = Provider();

        var first = await provider.GetCurrentKeyAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(4));
        var second = await provider.GetCurrentKeyAsync(CancellationToken.None);

        Assert.Same(first, second);
        _secrets.Verify(client => client.GetSecretAsync(SecretName, null, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_rotation_is_picked_up_after_the_refresh_interval()
    {
        AddVersion("v1");
        using var provider = Provider();
        Assert.Equal("v1", (await provider.GetCurrentKeyAsync(CancellationToken.None)).Version);

        AddVersion("v2");
        Assert.Equal("v1", (await provider.GetCurrentKeyAsync(CancellationToken.None)).Version);
        _time.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal("v2", (await provider.GetCurrentKeyAsync(CancellationToken.None)).Version);
    }

    [Fact]
    public async Task An_old_version_is_fetched_on_demand_and_then_cached()
    {
        AddVersion("v1");
        AddVersion("v2");
        using var provider = Provider();

        var first = await provider.GetKeyAsync("v1", CancellationToken.None);
        var again = await provider.GetKeyAsync("v1", CancellationToken.None);

        Assert.Equal("v1", first.Version);
        Assert.Same(first, again);
        _secrets.Verify(client => client.GetSecretAsync(SecretName, "v1", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task The_current_key_also_serves_reads_of_its_version_without_another_call()
    {
        AddVersion("v1");
        using var provider = Provider();

        var current = await provider.GetCurrentKeyAsync(CancellationToken.None);

        Assert.Same(current, await provider.GetKeyAsync("v1", CancellationToken.None));
        _secrets.Verify(client => client.GetSecretAsync(SecretName, It.IsAny<string?>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Theory]
    [InlineData("not base64 at all")]
    [InlineData("c2hvcnQ=")]
    [InlineData("")]
    public async Task A_secret_that_is_not_a_256_bit_key_is_refused_without_echoing_it(string value)
    {
        _versions["bad"] = value;
        _latest = "bad";
        using var provider = Provider();

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => provider.GetCurrentKeyAsync(CancellationToken.None).AsTask());

        Assert.Contains("256-bit", exception.Message, StringComparison.Ordinal);
        if (value.Length > 0)
        {
            Assert.DoesNotContain(value, exception.Message, StringComparison.Ordinal);
        }
    }

    private KeyVaultDataKeyProvider Provider() =>
        new(_secrets.Object, Options.Create(new KeyVaultOptions { VaultUri = Vault, DataKeySecretName = SecretName }), _time);

    private void AddVersion(string version)
    {
        _versions[version] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        _latest = version;
    }

    private Response<KeyVaultSecret> Secret(string version)
    {
        var properties = SecretModelFactory.SecretProperties(
            id: new Uri(Vault, $"secrets/{SecretName}/{version}"),
            vaultUri: Vault,
            name: SecretName,
            version: version);
        return Response.FromValue(SecretModelFactory.KeyVaultSecret(properties, _versions[version]), Mock.Of<Response>());
    }
}
