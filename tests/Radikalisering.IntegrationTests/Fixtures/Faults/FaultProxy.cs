using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Radikalisering.IntegrationTests.Fixtures.Faults;

/// <summary>
/// A loopback TCP proxy in front of Azurite's table endpoint that drops connections the way a flaky
/// network does: while <see cref="Flapping"/>, every <see cref="FaultInterval"/> it resets every open
/// connection (TCP RST) and refuses new ones for <see cref="FaultDuration"/>; <see cref="Down"/> does the
/// same for as long as it is set (an outage). Loopback only; it forwards bytes and never reads them.
/// </summary>
public sealed partial class FaultProxy : IAsyncDisposable
{
    public static readonly TimeSpan FaultInterval = TimeSpan.FromMilliseconds(250);
    public static readonly TimeSpan FaultDuration = TimeSpan.FromMilliseconds(60);

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _upstream;
    private readonly ConcurrentDictionary<Connection, byte> _open = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly Task _flapping;
    private volatile bool _faulting;

    private FaultProxy(IPEndPoint upstream)
    {
        _upstream = upstream;
        _listener.Start();
        _accepting = AcceptAsync();
        _flapping = FlapAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Whether the periodic resets run.</summary>
    public bool Flapping { get; set; }

    /// <summary>While true, every connection is reset and every new one refused.</summary>
    public bool Down
    {
        get => _down;
        set
        {
            _down = value;
            if (value)
            {
                ResetAll();
            }
        }
    }

    private volatile bool _down;
    private int _resets;

    /// <summary>How many connections the proxy has reset or refused.</summary>
    public int Resets => _resets;

    /// <summary>A proxy in front of the table endpoint of <paramref name="connectionString"/>, and the connection string that goes through it.</summary>
    public static (FaultProxy Proxy, string ConnectionString) ForTables(string connectionString)
    {
        var match = TableEndpoint().Match(connectionString);
        if (!match.Success)
        {
            throw new InvalidOperationException("The Azurite connection string names no loopback TableEndpoint.");
        }

        var proxy = new FaultProxy(new IPEndPoint(IPAddress.Loopback, int.Parse(match.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture)));
        return (proxy, TableEndpoint().Replace(connectionString, $"TableEndpoint=http://127.0.0.1:{proxy.Port}/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        ResetAll();
        await Task.WhenAll(_accepting, _flapping);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(Socket client)
    {
        if (_faulting || _down)
        {
            Reset(client);
            Interlocked.Increment(ref _resets);
            return;
        }

        var upstream = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        client.NoDelay = true;
        var connection = new Connection(client, upstream);
        _open[connection] = 0;
        try
        {
            await upstream.ConnectAsync(_upstream, _stop.Token);
            await Task.WhenAny(PumpAsync(client, upstream), PumpAsync(upstream, client));
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException or OperationCanceledException)
        {
        }
        finally
        {
            _open.TryRemove(connection, out _);
            client.Dispose();
            upstream.Dispose();
        }
    }

    private static async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None);
                if (read == 0)
                {
                    to.Shutdown(SocketShutdown.Send);
                    return;
                }

                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None);
            }
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
        }
    }

    private async Task FlapAsync()
    {
        using var timer = new PeriodicTimer(FaultInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                if (!Flapping)
                {
                    continue;
                }

                _faulting = true;
                ResetAll();
                await Task.Delay(FaultDuration, _stop.Token);
                _faulting = false;
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void ResetAll()
    {
        foreach (var connection in _open.Keys)
        {
            Reset(connection.Client);
            Reset(connection.Upstream);
            Interlocked.Increment(ref _resets);
        }
    }

    private static void Reset(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
        }
    }

    [GeneratedRegex(@"TableEndpoint=http://127\.0\.0\.1:(?<port>\d+)/")]
    private static partial Regex TableEndpoint();

    private sealed record Connection(Socket Client, Socket Upstream);
}
