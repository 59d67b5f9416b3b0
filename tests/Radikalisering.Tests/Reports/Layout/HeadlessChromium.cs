using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Radikalisering.Tests.Reports.Layout;

/// <summary>
/// Headless Chromium driven over the DevTools protocol: one page whose viewport is set per render (a window
/// cannot be made narrower than 500 px, an emulated viewport can), the page's own measurements read back with
/// <c>Runtime.evaluate</c>, and a full-page screenshot. Chromium is found as <c>CHROMIUM_PATH</c> or on <c>PATH</c>;
/// without it the tests fail: they are the only check that the mail fits a phone.
/// </summary>
internal sealed partial class HeadlessChromium : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly DirectoryInfo _profile;
    private readonly ClientWebSocket _socket;
    private readonly List<JsonObject> _events = [];
    private string _session = "";
    private int _lastId;

    private HeadlessChromium(Process process, DirectoryInfo profile, ClientWebSocket socket)
    {
        _process = process;
        _profile = profile;
        _socket = socket;
    }

    public static async Task<HeadlessChromium> StartAsync()
    {
        var executable = Find() ?? throw new InvalidOperationException(
            "Chromium was not found (CHROMIUM_PATH, or chromium / chromium-browser / google-chrome on PATH). " +
            "The report's layout tests need it: apt-get install -y chromium (bash .ci/run installs it).");
        var profile = Directory.CreateTempSubdirectory("report-chromium-");
        var start = new ProcessStartInfo(executable) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--remote-debugging-address=127.0.0.1",
            "--remote-debugging-port=0", $"--user-data-dir={profile.FullName}", "about:blank",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{executable} did not start.");
        _ = process.StandardOutput.ReadToEndAsync();
        try
        {
            var endpoint = await DevToolsEndpointAsync(process);
            var socket = new ClientWebSocket();
            await socket.ConnectAsync(endpoint, CancellationToken.None);
            var chromium = new HeadlessChromium(process, profile, socket);
            await chromium.OpenPageAsync();
            return chromium;
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            profile.Delete(recursive: true);
            throw;
        }
    }

    /// <summary>Loads <paramref name="file"/> in a viewport <paramref name="width"/> CSS px wide, then evaluates <paramref name="script"/>.</summary>
    /// <returns>The script's value (a string) and a PNG of the whole page.</returns>
    public async Task<(string Value, byte[] Screenshot)> RenderAsync(string file, int width, double deviceScaleFactor, string script)
    {
        await SendAsync("Emulation.setDeviceMetricsOverride", new() { ["width"] = width, ["height"] = 800, ["deviceScaleFactor"] = deviceScaleFactor, ["mobile"] = false });
        _events.Clear();
        await SendAsync("Page.navigate", new() { ["url"] = new Uri(file).AbsoluteUri });
        await WaitForEventAsync("Page.loadEventFired");

        var evaluated = await SendAsync("Runtime.evaluate", new() { ["expression"] = script, ["returnByValue"] = true });
        var value = evaluated["result"]?["value"]?.GetValue<string>()
            ?? throw new InvalidOperationException($"The script failed: {evaluated.ToJsonString()}");
        var metrics = await SendAsync("Page.getLayoutMetrics", []);
        var height = Math.Ceiling(metrics["cssContentSize"]!["height"]!.GetValue<double>());
        var screenshot = await SendAsync("Page.captureScreenshot", new()
        {
            ["format"] = "png",
            ["captureBeyondViewport"] = true,
            ["clip"] = new JsonObject { ["x"] = 0, ["y"] = 0, ["width"] = width, ["height"] = height, ["scale"] = 1 },
        });
        return (value, Convert.FromBase64String(screenshot["data"]!.GetValue<string>()));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var closing = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await ((Task)SendAsync("Browser.close", [], browserLevel: true)).WaitAsync(closing.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await _process.WaitForExitAsync(closing.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        finally
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }

            _socket.Dispose();
            _process.Dispose();
            _profile.Delete(recursive: true);
        }
    }

    private static string? Find()
    {
        var configured = Environment.GetEnvironmentVariable("CHROMIUM_PATH");
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured) ? configured : null;
        }

        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return new[] { "chromium", "chromium-browser", "google-chrome" }
            .SelectMany(name => path.Select(directory => Path.Combine(directory, name)))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>Chromium prints the browser's DevTools address on stderr once it listens; the rest of stderr is drained.</summary>
    private static async Task<Uri> DevToolsEndpointAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var seen = new StringBuilder();
        while (await process.StandardError.ReadLineAsync(timeout.Token) is { } line)
        {
            seen.AppendLine(line);
            if (DevToolsListening().Match(line) is { Success: true } match)
            {
                _ = process.StandardError.ReadToEndAsync();
                return new Uri(match.Groups[1].Value);
            }
        }

        throw new InvalidOperationException($"Chromium exited without a DevTools address:{Environment.NewLine}{seen}");
    }

    private async Task OpenPageAsync()
    {
        var target = await SendAsync("Target.createTarget", new() { ["url"] = "about:blank" }, browserLevel: true);
        var attached = await SendAsync("Target.attachToTarget", new() { ["targetId"] = target["targetId"]!.GetValue<string>(), ["flatten"] = true }, browserLevel: true);
        _session = attached["sessionId"]!.GetValue<string>();
        await SendAsync("Page.enable", []);
    }

    private async Task<JsonObject> SendAsync(string method, JsonObject parameters, bool browserLevel = false)
    {
        var id = ++_lastId;
        var command = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters };
        if (!browserLevel)
        {
            command["sessionId"] = _session;
        }

        using var timeout = new CancellationTokenSource(Patience);
        await _socket.SendAsync(Encoding.UTF8.GetBytes(command.ToJsonString()), WebSocketMessageType.Text, endOfMessage: true, timeout.Token);
        while (true)
        {
            var message = await ReceiveAsync(timeout.Token);
            if (message["id"]?.GetValue<int>() == id)
            {
                return message["error"] is { } error
                    ? throw new InvalidOperationException($"{method} failed: {error.ToJsonString()}")
                    : message["result"]!.AsObject();
            }

            if (message["method"] is not null)
            {
                _events.Add(message);
            }
        }
    }

    private async Task WaitForEventAsync(string method)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (!_events.Any(message => message["method"]!.GetValue<string>() == method))
        {
            var message = await ReceiveAsync(timeout.Token);
            if (message["method"] is not null)
            {
                _events.Add(message);
            }
        }
    }

    private async Task<JsonObject> ReceiveAsync(CancellationToken cancellationToken)
    {
        using var message = new MemoryStream();
        var buffer = new byte[64 * 1024];
        WebSocketReceiveResult received;
        do
        {
            received = await _socket.ReceiveAsync(buffer, cancellationToken);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                throw new InvalidOperationException("Chromium closed the DevTools connection.");
            }

            message.Write(buffer, 0, received.Count);
        }
        while (!received.EndOfMessage);

        return JsonNode.Parse(message.ToArray())!.AsObject();
    }

    [GeneratedRegex(@"DevTools listening on (ws://\S+)")]
    private static partial Regex DevToolsListening();
}
