using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
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
    private const string AccountName = "devstoreaccount1";
    private const string AccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private Process? _ownedAzurite;

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

        var (tablePort, queuePort, blobPort) = (FreePort(), FreePort(), FreePort());
        _ownedAzurite = Process.Start(new ProcessStartInfo
        {
            FileName = LocateAzurite(),
            ArgumentList =
            {
                "--inMemoryPersistence", "--skipApiVersionCheck", "--loose", "--silent",
                "--blobHost", "127.0.0.1", "--blobPort", blobPort.ToString(),
                "--queueHost", "127.0.0.1", "--queuePort", queuePort.ToString(),
                "--tableHost", "127.0.0.1", "--tablePort", tablePort.ToString(),
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("Azurite did not start.");

        await WaitUntilListeningAsync(tablePort);
        await WaitUntilListeningAsync(queuePort);
        await WaitUntilListeningAsync(blobPort);
        ConnectionString =
            $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{blobPort}/{AccountName};" +
            $"QueueEndpoint=http://127.0.0.1:{queuePort}/{AccountName};" +
            $"TableEndpoint=http://127.0.0.1:{tablePort}/{AccountName};";
    }

    public Task DisposeAsync()
    {
        if (_ownedAzurite is { HasExited: false })
        {
            _ownedAzurite.Kill(entireProcessTree: true);
            _ownedAzurite.WaitForExit();
        }

        _ownedAzurite?.Dispose();
        return Task.CompletedTask;
    }

    private static string LocateAzurite()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "node_modules", ".bin", "azurite");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            $"Azurite was not found. Run 'npm ci' in the repository root, or set {ConnectionStringVariable}.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitUntilListeningAsync(int port)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (_ownedAzurite!.HasExited)
            {
                throw new InvalidOperationException(
                    $"Azurite exited early: {await _ownedAzurite.StandardError.ReadToEndAsync()}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException($"Azurite did not listen on port {port} within 30 seconds.");
    }
}
