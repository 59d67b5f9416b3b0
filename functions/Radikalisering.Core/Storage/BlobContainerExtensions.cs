using Azure.Storage.Blobs;

namespace Radikalisering.Core.Storage;

internal static class BlobContainerExtensions
{
    /// <summary>
    /// Creates the container unless it exists, asking first: deployed, the containers exist (Bicep), and the SDK logs a
    /// create's 409 as a warning.
    /// </summary>
    public static async Task CreateIfMissingAsync(this BlobContainerClient container, CancellationToken cancellationToken)
    {
        if (!await container.ExistsAsync(cancellationToken))
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }
    }
}
