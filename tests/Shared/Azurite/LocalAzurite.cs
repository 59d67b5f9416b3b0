using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Radikalisering.TestSupport.Azurite;

/// <summary>
/// An in-memory Azurite on free loopback ports, started from the repository's <c>node_modules</c> and stopped on
/// dispose: for the test fixtures (when no Azurite was started for them) and the benchmarks.
/// </summary>
public sealed class LocalAzurite : IDisposable
{
    private const string AccountName = "devstoreaccount1";
    private const string AccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process _process;

    private LocalAzurite(Process process, string connectionString)
    {
        _process = process;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static LocalAzurite Start()
    {
        var (tablePort, queuePort, blobPort) = (FreePort(), FreePort(), FreePort());
        var process = Process.Start(new ProcessStartInfo
        {
            FileName = Locate(),
            ArgumentList =
            {
                "--inMemoryPersistence", "--skipApiVersionCheck", "--loose", "--silent",
                "--blobHost", "127.0.0.1", "--blobPort", blobPort.ToString(CultureInfo.InvariantCulture),
                "--queueHost", "127.0.0.1", "--queuePort", queuePort.ToString(CultureInfo.InvariantCulture),
                "--tableHost", "127.0.0.1", "--tablePort", tablePort.ToString(CultureInfo.InvariantCulture),
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("Azurite did not start.");

        var azurite = new LocalAzurite(
            process,
            $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{blobPort}/{AccountName};" +
            $"QueueEndpoint=http://127.0.0.1:{queuePort}/{AccountName};" +
            $"TableEndpoint=http://127.0.0.1:{tablePort}/{AccountName};");
        try
        {
            azurite.WaitUntilListening(tablePort);
            azurite.WaitUntilListening(queuePort);
            azurite.WaitUntilListening(blobPort);
            return azurite;
        }
        catch
        {
            azurite.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private static string Locate()
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
            "Azurite was not found. Run 'npm ci' in the repository root (the tests may instead use the Azurite named by AZURITE_CONNECTION_STRING).");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void WaitUntilListening(int port)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited early: {_process.StandardError.ReadToEnd()}");
            }

            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(100);
            }
        }

        throw new TimeoutException($"Azurite did not listen on port {port} within 30 seconds.");
    }
}
