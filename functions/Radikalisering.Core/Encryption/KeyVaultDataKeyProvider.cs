using System.Collections.Concurrent;
using Azure;
using Azure.Identity;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Options;

namespace Radikalisering.Core.Encryption;

/// <summary>
/// The data key as a Key Vault secret (base64 of 32 bytes). Every version is read once per process,
/// however many requests ask for it at the same moment; which version is current is re-read at most every
/// <see cref="KeyVaultOptions.CurrentKeyRefreshInterval"/>, so a rotation (a new secret version) is picked up
/// within minutes, and rows under older versions stay readable by the version they record. A version Key
/// Vault does not know is <see cref="UnknownKeyVersionException"/> (a damaged row); any other failure is
/// <see cref="DataKeyUnavailableException"/> (try again later), after the client's bounded retries.
/// </summary>
public sealed class KeyVaultDataKeyProvider(SecretClient secrets, IOptions<KeyVaultOptions> options, TimeProvider time)
    : IDataKeyProvider, IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<DataKey>>> _versions = new(StringComparer.Ordinal);
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

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } refreshedMeanwhile && !IsStale(refreshedMeanwhile))
            {
                return refreshedMeanwhile.Key;
            }

            var key = await FetchAsync(version: null, cancellationToken);
            _versions.TryAdd(key.Version, new Lazy<Task<DataKey>>(Task.FromResult(key)));
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
        // One read per version for all concurrent callers; a failed read is forgotten so a later call tries again.
        var read = _versions.GetOrAdd(version, name => new Lazy<Task<DataKey>>(() => FetchAsync(name, CancellationToken.None)));
        try
        {
            return await read.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (read.Value.IsFaulted)
        {
            _versions.TryRemove(new KeyValuePair<string, Lazy<Task<DataKey>>>(version, read));
            throw;
        }
    }

    public void Dispose() => _refresh.Dispose();

    private bool IsStale(CurrentKey current) => time.GetUtcNow() - current.FetchedAt >= _refreshInterval;

    private async Task<DataKey> FetchAsync(string? version, CancellationToken cancellationToken)
    {
        KeyVaultSecret secret;
        try
        {
            secret = (await secrets.GetSecretAsync(_secretName, version, cancellationToken)).Value;
        }
        catch (RequestFailedException exception) when (exception.Status == 404 && version is not null)
        {
            throw new UnknownKeyVersionException($"Key Vault has no version '{version}' of secret '{_secretName}'.", exception);
        }
        catch (Exception exception) when (exception is RequestFailedException or AuthenticationFailedException or AggregateException
                                              || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new DataKeyUnavailableException($"Key Vault did not return secret '{_secretName}'.", exception);
        }

        var fetchedVersion = secret.Properties.Version;
        if (string.IsNullOrWhiteSpace(fetchedVersion) || (version is not null && fetchedVersion != version))
        {
            throw new DataKeyUnavailableException($"Key Vault returned no usable version for secret '{_secretName}'.");
        }

        try
        {
            return DataKey.FromBase64(fetchedVersion, secret.Value, $"Key Vault secret '{_secretName}' version '{fetchedVersion}'");
        }
        catch (InvalidOperationException exception)
        {
            throw new DataKeyUnavailableException(exception.Message, exception);
        }
    }

    private sealed record CurrentKey(DataKey Key, DateTimeOffset FetchedAt);
}
