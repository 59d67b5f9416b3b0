using System.Security.Cryptography;
using Radikalisering.Core.Encryption;

namespace Radikalisering.Tests.Encryption;

/// <summary>Fresh random keys and a provider serving a fixed set of them.</summary>
internal static class TestKeys
{
    public static DataKey Create(string version) => new(version, RandomNumberGenerator.GetBytes(DataKey.SizeInBytes));

    public static IDataKeyProvider Provider(DataKey current, params DataKey[] older) => new FixedKeys(current, older);

    private sealed class FixedKeys(DataKey current, DataKey[] older) : IDataKeyProvider
    {
        public ValueTask<DataKey> GetCurrentKeyAsync(CancellationToken cancellationToken) => ValueTask.FromResult(current);

        public ValueTask<DataKey> GetKeyAsync(string version, CancellationToken cancellationToken) =>
            ValueTask.FromResult(older.Append(current).Single(key => key.Version == version));
    }
}
