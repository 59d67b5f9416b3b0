using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace Radikalisering.WorkerHost.Worker;

/// <summary>
/// The built worker as a child process, started as the Functions host starts it: the executable and
/// worker path from <c>worker.config.json</c>, the documented command-line arguments (both the older
/// <c>--host/--port/--workerId/--requestId/--grpcMaxMessageLength</c> and the <c>--functions-*</c> ones),
/// the app settings as environment variables. Its output goes to the log; the last lines are kept for
/// the message when it exits early.
/// </summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    private const int MaxMessageLength = int.MaxValue;
    private const int KeptOutputLines = 60;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lastOutput = new();

    private WorkerProcess(Process process) => _process = process;

    public Task Exited => _process.WaitForExitAsync();

    public string LastOutput => string.Join(Environment.NewLine, _lastOutput);

    public static WorkerProcess Start(string appDirectory, Uri grpcUri, string workerId, IReadOnlyDictionary<string, string?> environment, ILogger logger)
    {
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(appDirectory, "worker.config.json")))!["description"]!;
        var executable = config["defaultExecutablePath"]!.GetValue<string>();
        var workerPath = config["defaultWorkerPath"]!.GetValue<string>();

        var start = new ProcessStartInfo
        {
            FileName = executable,
            WorkingDirectory = appDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var requestId = Guid.NewGuid().ToString();
        var length = MaxMessageLength.ToString(CultureInfo.InvariantCulture);
        foreach (var argument in new[]
        {
            Path.Combine(appDirectory, workerPath),
            "--host", grpcUri.Host, "--port", grpcUri.Port.ToString(CultureInfo.InvariantCulture),
            "--workerId", workerId, "--requestId", requestId, "--grpcMaxMessageLength", length,
            "--functions-uri", grpcUri.AbsoluteUri, "--functions-worker-id", workerId,
            "--functions-request-id", requestId, "--functions-grpc-max-message-length", length,
        })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated";
        start.Environment["FUNCTIONS_APPLICATION_DIRECTORY"] = appDirectory;
        start.Environment["FUNCTIONS_WORKER_DIRECTORY"] = appDirectory;
        start.Environment["AzureWebJobsScriptRoot"] = appDirectory;
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var worker = new WorkerProcess(process);
        process.OutputDataReceived += (_, line) => worker.Keep(line.Data, logger, LogLevel.Debug);
        process.ErrorDataReceived += (_, line) => worker.Keep(line.Data, logger, LogLevel.Warning);
        if (!process.Start())
        {
            throw new WorkerHostException($"Could not start {executable} {workerPath}.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    public async ValueTask DisposeAsync()
    {
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Keep(string? line, ILogger logger, LogLevel level)
    {
        if (line is null)
        {
            return;
        }

        logger.Log(level, "[worker process] {Line}", line);
        _lastOutput.Enqueue(line);
        while (_lastOutput.Count > KeptOutputLines && _lastOutput.TryDequeue(out _))
        {
        }
    }
}
