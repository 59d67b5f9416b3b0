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

        var exception = await Assert.ThrowsAsync<DataKeyUnavailableException>(() => provider.GetCurrentKeyAsync(CancellationToken.None).AsTask());

        Assert.Contains("256-bit", exception.Message, StringComparison.Ordinal);
        if (value.Length > 0)
        {
            Assert.DoesNotContain(value, exception.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Sixteen_concurrent_reads_of_two_old_versions_fetch_each_version_once()
    {
        AddVersion("v1");
        AddVersion("v2");
        AddVersion("v3");
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _secrets
            .Setup(client => client.GetSecretAsync(SecretName, It.IsIn("v1", "v2"), It.IsAny<CancellationToken>()))
            .Returns(async (string _, string? version, CancellationToken _) =>
            {
                await release.Task;
                return Secret(version!);
            });
        using var provider = Provider();

        // Each read runs until it waits for its version's fetch, which waits for the release: all 16 are outstanding at once.
        var reads = Enumerable.Range(0, 16)
            .Select(index => provider.GetKeyAsync(index % 2 == 0 ? "v1" : "v2", CancellationToken.None).AsTask())
            .ToList();
        Assert.All(reads, read => Assert.False(read.IsCompleted));
        release.SetResult();
        var keys = await Task.WhenAll(reads);

        Assert.Equal(8, keys.Count(key => key.Version == "v1"));
        Assert.Single(keys.Where(key => key.Version == "v1").Distinct());
        _secrets.Verify(client => client.GetSecretAsync(SecretName, "v1", It.IsAny<CancellationToken>()), Times.Once);
        _secrets.Verify(client => client.GetSecretAsync(SecretName, "v2", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_failed_read_of_a_version_is_tried_again_by_the_next_caller()
    {
        AddVersion("v1");
        var calls = 0;
        _secrets
            .Setup(client => client.GetSecretAsync(SecretName, "v1", It.IsAny<CancellationToken>()))
            .ReturnsAsync((string _, string? version, CancellationToken _) =>
                ++calls == 1 ? throw new RequestFailedException(503, "unavailable") : Secret(version!));
        using var provider = Provider();

        await Assert.ThrowsAsync<DataKeyUnavailableException>(() => provider.GetKeyAsync("v1", CancellationToken.None).AsTask());
        var key = await provider.GetKeyAsync("v1", CancellationToken.None);

        Assert.Equal("v1", key.Version);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task A_version_the_vault_does_not_know_is_an_unknown_key_version()
    {
        AddVersion("v1");
        _secrets
            .Setup(client => client.GetSecretAsync(SecretName, "gone", It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RequestFailedException(404, "SecretNotFound"));
        using var provider = Provider();

        await Assert.ThrowsAsync<UnknownKeyVersionException>(() => provider.GetKeyAsync("gone", CancellationToken.None).AsTask());
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
