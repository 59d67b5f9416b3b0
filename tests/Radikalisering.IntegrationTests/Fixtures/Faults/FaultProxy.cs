using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Radikalisering.IntegrationTests.Fixtures.Faults;

/// <summary>
/// A loopback TCP proxy in front of Azurite's table and blob endpoints that drops connections the way a flaky
/// network does: while <see cref="Flapping"/>, every fault interval it resets every open connection (TCP RST) and
/// refuses new ones for the fault's duration (by default 60 ms every 250 ms: short cuts; or seconds-long outages);
/// <see cref="Down"/> does the same for as long as it is set (an outage). Loopback only; it forwards bytes and never
/// reads them.
/// </summary>
public sealed partial class FaultProxy : IAsyncDisposable
{
    public static readonly TimeSpan ShortCutInterval = TimeSpan.FromMilliseconds(250);
    public static readonly TimeSpan ShortCutDuration = TimeSpan.FromMilliseconds(60);

    private readonly List<(TcpListener Listener, IPEndPoint Upstream)> _routes;
    private readonly TimeSpan _faultInterval;
    private readonly TimeSpan _faultDuration;
    private readonly ConcurrentDictionary<Connection, byte> _open = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly Task _flapping;
    private volatile bool _faulting;

    private FaultProxy(IEnumerable<IPEndPoint> upstreams, TimeSpan faultInterval, TimeSpan faultDuration)
    {
        _routes = [.. upstreams.Select(upstream => (new TcpListener(IPAddress.Loopback, 0), upstream))];
        (_faultInterval, _faultDuration) = (faultInterval, faultDuration);
        _routes.ForEach(route => route.Listener.Start());
        _accepting = Task.WhenAll(_routes.Select(route => AcceptAsync(route.Listener, route.Upstream)));
        _flapping = FlapAsync();
    }

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

    /// <summary>
    /// A proxy in front of the table and blob endpoints of <paramref name="connectionString"/> (faults of
    /// <paramref name="faultDuration"/> every <paramref name="faultInterval"/> while flapping; short cuts by default),
    /// and the connection string that goes through it.
    /// </summary>
    public static (FaultProxy Proxy, string ConnectionString) ForTablesAndBlobs(
        string connectionString,
        TimeSpan? faultInterval = null,
        TimeSpan? faultDuration = null)
    {
        var endpoints = ProxiedEndpoint().Matches(connectionString);
        if (endpoints.Count != 2)
        {
            throw new InvalidOperationException("The Azurite connection string names no loopback TableEndpoint and BlobEndpoint.");
        }

        var proxy = new FaultProxy(
            endpoints.Select(endpoint => new IPEndPoint(IPAddress.Loopback, int.Parse(endpoint.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture))),
            faultInterval ?? ShortCutInterval,
            faultDuration ?? ShortCutDuration);
        var index = 0;
        var proxied = ProxiedEndpoint().Replace(
            connectionString,
            endpoint => $"{endpoint.Groups["service"].Value}Endpoint=http://127.0.0.1:{((IPEndPoint)proxy._routes[index++].Listener.LocalEndpoint).Port}/");
        return (proxy, proxied);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _routes.ForEach(route => route.Listener.Stop());
        ResetAll();
        await Task.WhenAll(_accepting, _flapping);
        _stop.Dispose();
    }

    private async Task AcceptAsync(TcpListener listener, IPEndPoint upstream)
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = ServeAsync(client, upstream);
        }
    }

    private async Task ServeAsync(Socket client, IPEndPoint upstreamEndPoint)
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
            await upstream.ConnectAsync(upstreamEndPoint, _stop.Token);
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

    /// <summary>While flapping: a fault at once, then one every fault interval.</summary>
    private async Task FlapAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                if (!Flapping)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(10), _stop.Token);
                    continue;
                }

                _faulting = true;
                ResetAll();
                await Task.Delay(_faultDuration, _stop.Token);
                _faulting = false;
                await Task.Delay(_faultInterval - _faultDuration, _stop.Token);
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

    [GeneratedRegex(@"(?<service>Table|Blob)Endpoint=http://127\.0\.0\.1:(?<port>\d+)/")]
    private static partial Regex ProxiedEndpoint();

    private sealed record Connection(Socket Client, Socket Upstream);
}
