using System.Runtime.InteropServices;
using Radikalisering.WorkerHost;

// `bash scripts/run-local.sh` runs this where Azure Functions Core Tools is not installed:
//   Radikalisering.WorkerHost --app <built Functions folder> --settings <local.settings.json> --url http://localhost:7071
// The app settings come from local.settings.json's Values, as `func start` reads them.
var arguments = LocalRunArguments.Parse(args);
using var loggerFactory = LoggerFactory.Create(logging => logging
    .AddSimpleConsole(console => console.SingleLine = true)
    .AddFilter("Microsoft", LogLevel.Warning)
    .AddFilter("System.Net.Http", LogLevel.Warning)
    .AddFilter("Radikalisering.WorkerHost", LogLevel.Information));

var options = new FunctionsHostOptions { AppDirectory = arguments.AppDirectory, Url = arguments.Url };
foreach (var (key, value) in LocalSettings.ReadValues(arguments.SettingsFile))
{
    options.AppSettings[key] = value;
}

using var stop = new CancellationTokenSource();
void Stop(PosixSignalContext signal)
{
    signal.Cancel = true;
    stop.Cancel();
}

using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

await using var host = await FunctionsHost.StartAsync(options, loggerFactory, stop.Token);
Console.WriteLine($"Functions ({host.Functions.Count}) loaded; HTTP triggers on {host.BaseAddress}api/; run one now with POST {host.BaseAddress}admin/functions/{{name}}. Ctrl+C stops.");
try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
}
