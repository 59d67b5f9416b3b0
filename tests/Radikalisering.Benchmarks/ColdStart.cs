using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;
using Microsoft.Extensions.Logging;
using Radikalisering.Core.Access;
using Radikalisering.WorkerHost;

namespace Radikalisering.Benchmarks;

/// <summary>
/// Cold start through the worker host the end-to-end tests use: from starting the host (which starts the
/// built worker as a child process, as the Functions host does) to the worker's ready signal, and to the
/// answer of the first <c>POST /api/concerns</c>; then the median of 20 further creates on the warm worker.
/// Each run is a new worker process on fresh tables of one Azurite. Not a BenchmarkDotNet benchmark: a cold
/// start happens once per process, so it is timed with a stopwatch over a few processes (the median is printed).
/// </summary>
internal static class ColdStart
{
    private const string DevelopmentKey = "ZGV2ZWxvcG1lbnQta2V5LW9ubHktZm9yLXRlc3RzISE=";
    private static readonly string Body = """{ "receivedOn": "2026-03-14", "subjectUnder18": true, "reporter": "municipalEmployee" }""";

    /// <summary>The built Functions app the project reference builds (see the project file).</summary>
    public static string AppDirectory { get; } = typeof(ColdStart).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "FunctionsAppDirectory").Value!;

    public static async Task<ColdStartFigures> MeasureAsync(int runs)
    {
        using var loggerFactory = LoggerFactory.Create(logging => logging.AddConsole().SetMinimumLevel(LogLevel.Warning));
        using var azurite = LocalAzurite.Start();
        var figures = new List<ColdStartFigures>();
        for (var run = 0; run < runs; run++)
        {
            figures.Add(await MeasureOnceAsync(azurite, loggerFactory));
            Console.WriteLine($"// cold start run {run + 1}: ready {figures[^1].ReadyMs:0} ms, first POST answered {figures[^1].FirstAnswerMs:0} ms, steady POST {figures[^1].SteadyMs:0.0} ms");
        }

        var median = new ColdStartFigures(
            Median(figures.Select(figure => figure.ReadyMs)),
            Median(figures.Select(figure => figure.FirstAnswerMs)),
            Median(figures.Select(figure => figure.SteadyMs)),
            DirectorySize(AppDirectory));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// cold start, median of {runs}: ready {median.ReadyMs:0} ms, first POST answered {median.FirstAnswerMs:0} ms, steady POST {median.SteadyMs:0.0} ms; app folder {median.AppMegabytes:0} MB ({AppDirectory})"));
        return median;
    }

    private static async Task<ColdStartFigures> MeasureOnceAsync(LocalAzurite azurite, ILoggerFactory loggerFactory)
    {
        var suffix = BenchmarkServices.UniqueSuffix();
        var options = new FunctionsHostOptions { AppDirectory = AppDirectory, RunTimerSchedules = false };
        foreach (var (key, value) in new Dictionary<string, string?>
        {
            ["AZURE_FUNCTIONS_ENVIRONMENT"] = "Development",
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:ConcernsTable"] = "Concerns" + suffix,
            ["Storage:AuditLogTable"] = "AuditLog" + suffix,
            ["Storage:ReportSnapshotsTable"] = "ReportSnapshots" + suffix,
            ["Storage:ReportReadyQueue"] = "report-ready-" + suffix,
            ["KeyVault:DevelopmentKey"] = DevelopmentKey,
            ["Auth:Mode"] = "Development",
            ["Report:DeliveryMode"] = "Outbox",
            ["Report:OutboxDirectory"] = Path.Combine(Path.GetTempPath(), "outbox-" + suffix),
            ["Report:SenderMailbox"] = "tk-statistik@kommune.example",
            ["Report:Recipients:0"] = "ledelse@kommune.example",
        })
        {
            options.AppSettings[key] = value;
        }

        var clock = Stopwatch.StartNew();
        await using var host = await FunctionsHost.StartAsync(options, loggerFactory);
        var ready = clock.Elapsed.TotalMilliseconds;
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        client.DefaultRequestHeaders.Add(ClientPrincipal.HeaderName, ClientPrincipal.CreateHeaderValue("cold-start", [AppRoles.ConcernsReadWrite]));
        await CreateAsync(client);
        var first = clock.Elapsed.TotalMilliseconds;

        var steady = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            var single = Stopwatch.StartNew();
            await CreateAsync(client);
            steady.Add(single.Elapsed.TotalMilliseconds);
        }

        return new ColdStartFigures(ready, first, Median(steady), 0);
    }

    private static async Task CreateAsync(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/concerns") { Content = new StringContent(Body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await client.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"A create through the worker answered {(int)response.StatusCode}.");
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    private static double DirectorySize(string directory) =>
        new DirectoryInfo(directory).EnumerateFiles("*", SearchOption.AllDirectories).Sum(file => file.Length) / 1_000_000.0;
}

/// <summary>Cold-start figures in milliseconds, and the app folder's size in MB.</summary>
internal sealed record ColdStartFigures(double ReadyMs, double FirstAnswerMs, double SteadyMs, double AppMegabytes);
