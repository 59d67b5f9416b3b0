using System.Collections.Concurrent;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Options;

namespace Radikalisering.Core.Encryption;

/// <summary>
/// The data key as a Key Vault secret (base64 of 32 bytes). Every version is cached once read;
/// which version is current is re-read at most every <see cref="KeyVaultOptions.CurrentKeyRefreshInterval"/>,
/// so a rotation (a new secret version) is picked up within minutes, and rows under older versions
/// stay readable by the version they record.
/// </summary>
public sealed class KeyVaultDataKeyProvider(SecretClient secrets, IOptions<KeyVaultOptions> options, TimeProvider time)
    : IDataKeyProvider, IDisposable
{
    private readonly ConcurrentDictionary<string, DataKey> _versions = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private readonly string _secretName = options.Value.DataKeySecretName;
    private readonly TimeSpan _refreshInterval = options.Value.CurrentKeyRefreshInterval;
    private volatile CurrentKey? _current;

    public async ValueTask<DataKey> GetCurrentKeyAsync(CancellationToken cancellationToken)
    {
        if (_current is { } fresh && !IsStale(fresh))
        {
            return fresh.Key;
        }

        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_current is { } refreshedMeanwhile && !IsStale(refreshedMeanwhile))
            {
                return refreshedMeanwhile.Key;
            }

            var key = await FetchAsync(version: null, cancellationToken).ConfigureAwait(false);
            _current = new CurrentKey(key, time.GetUtcNow());
            return key;
        }
        finally
        {
            _refresh.Release();
        }
    }

    public async ValueTask<DataKey> GetKeyAsync(string version, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        return _versions.TryGetValue(version, out var cached)
            ? cached
            : await FetchAsync(version, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _refresh.Dispose();

    private bool IsStale(CurrentKey current) => time.GetUtcNow() - current.FetchedAt >= _refreshInterval;

    private async Task<DataKey> FetchAsync(string? version, CancellationToken cancellationToken)
    {
        var secret = (await secrets.GetSecretAsync(_secretName, version, cancellationToken).ConfigureAwait(false)).Value;
        var fetchedVersion = secret.Properties.Version;
        if (string.IsNullOrWhiteSpace(fetchedVersion) || (version is not null && fetchedVersion != version))
        {
            throw new InvalidOperationException($"Key Vault returned no usable version for secret '{_secretName}'.");
        }

        var key = DataKey.FromBase64(fetchedVersion, secret.Value, $"Key Vault secret '{_secretName}' version '{fetchedVersion}'");
        return _versions.GetOrAdd(fetchedVersion, key);
    }

    private sealed record CurrentKey(DataKey Key, DateTimeOffset FetchedAt);
}
