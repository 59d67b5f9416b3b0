namespace Radikalisering.Core.Encryption;

/// <summary>Where payload keys come from: the current one for new payloads, any recorded version to read old ones.</summary>
public interface IDataKeyProvider
{
    ValueTask<DataKey> GetCurrentKeyAsync(CancellationToken cancellationToken);

    ValueTask<DataKey> GetKeyAsync(string version, CancellationToken cancellationToken);
}
