using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace Radikalisering.TestSupport.Azurite;

/// <summary>
/// Real Table and Queue storage for the tests. Uses the Azurite that <c>.ci/run</c> started
/// (<c>AZURITE_CONNECTION_STRING</c>) or, when run from an IDE, starts one from the repository's
/// <c>node_modules</c> on free loopback ports, in memory, and stops it afterwards.
/// Tests isolate themselves by table and queue names (<see cref="UniqueName"/>), not by instance.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private const string ConnectionStringVariable = "AZURITE_CONNECTION_STRING";

    private LocalAzurite? _ownedAzurite;

    public string ConnectionString { get; private set; } = "";

    public TableServiceClient TableService => new(ConnectionString);

    public QueueServiceClient QueueService => new(ConnectionString);

    /// <summary>A table or queue name no other test uses: letters and digits, starting with a letter.</summary>
    public static string UniqueName(string prefix) =>
        prefix + Guid.NewGuid().ToString("N")[..12];

    public async Task InitializeAsync()
    {
        var fromCi = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (!string.IsNullOrWhiteSpace(fromCi))
        {
            ConnectionString = fromCi;
            return;
        }

        // Started off the test thread: it waits, up to 30 s, for Azurite to listen.
        _ownedAzurite = await Task.Run(LocalAzurite.Start);
        ConnectionString = _ownedAzurite.ConnectionString;
    }

    public Task DisposeAsync()
    {
        _ownedAzurite?.Dispose();
        return Task.CompletedTask;
    }
}
