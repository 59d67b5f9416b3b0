using Azure.Storage.Blobs;

namespace Radikalisering.Core.Storage;

internal static class BlobContainerExtensions
{
    /// <summary>
    /// Creates the container unless it exists, asking first: deployed, the containers exist (Bicep). The answers that
    /// say so (404 to the question when it is missing, 409 to a create another instance made first) are expected.
    /// </summary>
    public static async Task CreateIfMissingAsync(this BlobContainerClient container, CancellationToken cancellationToken)
    {
        using var expected = ExpectedResponses.Expect(404, 409);
        if (!await container.ExistsAsync(cancellationToken))
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }
    }
}
