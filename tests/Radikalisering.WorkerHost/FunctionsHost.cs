using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Radikalisering.WorkerHost.Admin;
using Radikalisering.WorkerHost.Functions;
using Radikalisering.WorkerHost.Http;
using Radikalisering.WorkerHost.Protocol;
using Radikalisering.WorkerHost.Queues;
using Radikalisering.WorkerHost.Timers;
using Radikalisering.WorkerHost.Worker;

namespace Radikalisering.WorkerHost;

/// <summary>
/// A stand-in for the Azure Functions host, for tests and local runs where Core Tools is not installed:
/// starts the built worker, initialises it, loads the functions it indexes, then serves its HTTP
/// triggers (and the admin endpoint that runs a function now), polls its queue triggers and runs its
/// timers. Disposing stops all of it.
/// </summary>
public sealed class FunctionsHost : IAsyncDisposable
{
    private const string HttpUriCapability = "HttpUri";
    private static readonly TimeSpan WorkerListenPollInterval = TimeSpan.FromMilliseconds(20);

    private readonly WebApplication _rpcServer;
    private readonly WorkerProcess _worker;
    private readonly WorkerChannel _channel;
    private readonly FunctionInvoker _invoker;
    private readonly TimerInvoker _timers;
    private readonly CancellationTokenSource _stopping = new();
    private WebApplication? _front;
    private AdminFunctionsEndpoint? _admin;
    private Task _background = Task.CompletedTask;

    private FunctionsHost(WebApplication rpcServer, WorkerProcess worker, WorkerChannel channel, TimerInvoker timers, FunctionInvoker invoker)
    {
        _rpcServer = rpcServer;
        _worker = worker;
        _channel = channel;
        _timers = timers;
        _invoker = invoker;
    }

    /// <summary>Where the HTTP triggers answer, e.g. <c>http://127.0.0.1:7071/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyList<WorkerFunction> Functions { get; private set; } = [];

    /// <summary>Every finished invocation (HTTP, timer and queue), oldest first: an HTTP invocation can fail after its answer was sent.</summary>
    public IReadOnlyCollection<InvocationRecord> Invocations => _invoker.Invocations;

    /// <exception cref="WorkerHostException">The worker did not start, failed to load a function or asked for something unsupported.</exception>
    public static async Task<FunctionsHost> StartAsync(FunctionsHostOptions options, ILoggerFactory loggerFactory, CancellationToken cancellationToken = default)
    {
        var logger = loggerFactory.CreateLogger<FunctionsHost>();
        var appDirectory = Path.GetFullPath(options.AppDirectory);
        var hostJson = HostJson.Read(appDirectory);

        var connection = new WorkerConnection();
        var rpcServer = await StartRpcServerAsync(connection, loggerFactory, cancellationToken);
        var grpcUri = new Uri(rpcServer.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

        var environment = new Dictionary<string, string?>(options.AppSettings);
        environment.TryAdd("AZURE_FUNCTIONS_ENVIRONMENT", "Development");
        var worker = WorkerProcess.Start(appDirectory, grpcUri, connection.WorkerId, environment, logger);

        try
        {
            var channel = await ConnectAsync(connection, worker, options.StartTimeout, cancellationToken);
            var invoker = new FunctionInvoker(channel);
            var host = new FunctionsHost(rpcServer, worker, channel, new TimerInvoker(invoker, TimeProvider.System, logger), invoker);
            await host.InitializeAsync(appDirectory, hostJson, options, loggerFactory, cancellationToken);
            return host;
        }
        catch (Exception exception) when (exception is WorkerHostException or OperationCanceledException)
        {
            await rpcServer.StopAsync(CancellationToken.None);
            await rpcServer.DisposeAsync();
            await worker.DisposeAsync();
            throw;
        }
    }

    /// <summary>Completes once <see cref="Invocations"/> satisfy <paramref name="condition"/> (checked as each invocation finishes).</summary>
    public Task WaitForInvocationsAsync(Func<IReadOnlyCollection<InvocationRecord>, bool> condition, CancellationToken cancellationToken = default) =>
        _invoker.WaitUntilAsync(condition, cancellationToken);

    /// <summary>Runs a timer function now, as its schedule would.</summary>
    /// <exception cref="WorkerHostException">The function failed.</exception>
    public async Task InvokeTimerAsync(string functionName, CancellationToken cancellationToken = default)
    {
        var response = await _timers.InvokeAsync(Function(functionName), isPastDue: false, cancellationToken);
        if (response.Result.Status != StatusResult.Types.Status.Success)
        {
            throw new WorkerHostException($"{functionName} failed: {response.Result.Exception?.Message ?? response.Result.Result}");
        }
    }

    public WorkerFunction Function(string name) =>
        Functions.SingleOrDefault(function => function.Name == name) ?? throw new ArgumentException($"The worker has no function '{name}'.", nameof(name));

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        try
        {
            await _background;
            await (_admin?.Running ?? Task.CompletedTask);
            if (_front is not null)
            {
                await _front.StopAsync(CancellationToken.None);
                await _front.DisposeAsync();
            }

            await _channel.TerminateAsync(TimeSpan.FromSeconds(5));
        }
        finally
        {
            await _worker.DisposeAsync();
            await _rpcServer.StopAsync(CancellationToken.None);
            await _rpcServer.DisposeAsync();
            _channel.Dispose();
            _stopping.Dispose();
        }
    }

    private static async Task<WebApplication> StartRpcServerAsync(WorkerConnection connection, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton(connection);
        builder.Services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = null;
            grpc.MaxSendMessageSize = null;
        });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        var app = builder.Build();
        app.MapGrpcService<FunctionRpcService>();
        await app.StartAsync(cancellationToken);
        return app;
    }

    private static async Task<WorkerChannel> ConnectAsync(WorkerConnection connection, WorkerProcess worker, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var timedOut = Task.Delay(timeout, cancellationToken);
        var first = await Task.WhenAny(connection.Channel, worker.Exited, timedOut);
        if (first == connection.Channel)
        {
            return await connection.Channel;
        }

        var why = first == worker.Exited ? "exited before it connected" : $"did not connect within {timeout.TotalSeconds:0} s";
        throw new WorkerHostException($"The worker {why}. Its last output:{Environment.NewLine}{worker.LastOutput}");
    }

    private async Task InitializeAsync(string appDirectory, HostJson hostJson, FunctionsHostOptions options, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.StartTimeout);

        var init = await _channel.InitializeAsync(
            new WorkerInitRequest { HostVersion = "4.0.0", WorkerDirectory = appDirectory, FunctionAppDirectory = appDirectory },
            timeout.Token);
        EnsureSucceeded(init.Result, "Worker initialisation");

        var metadata = await _channel.GetMetadataAsync(new FunctionsMetadataRequest { FunctionAppDirectory = appDirectory }, timeout.Token);
        EnsureSucceeded(metadata.Result, "Function indexing");
        var indexed = metadata.UseDefaultMetadataIndexing ? FunctionsMetadataFile.Read(appDirectory) : metadata.FunctionMetadataResults;
        Functions = indexed.Select(WorkerFunction.From).ToArray();

        foreach (var function in Functions)
        {
            function.Metadata.FunctionId = function.Id;
            var loaded = await _channel.LoadAsync(new FunctionLoadRequest { FunctionId = function.Id, Metadata = function.Metadata }, timeout.Token);
            EnsureSucceeded(loaded.Result, $"Loading {function.Name}");
        }

        var logger = loggerFactory.CreateLogger<FunctionsHost>();
        if (Functions.Any(function => function.Trigger is HttpTrigger))
        {
            if (!init.Capabilities.TryGetValue(HttpUriCapability, out var httpUri))
            {
                throw new WorkerHostException(
                    "The worker has HTTP triggers but reported no HttpUri capability; this worker host forwards HTTP only to a worker " +
                    "with the ASP.NET Core integration (ConfigureFunctionsWebApplication).");
            }

            await WaitUntilWorkerListensAsync(new Uri(httpUri), timeout.Token);
            await StartFrontAsync(new Uri(httpUri), hostJson, options.Url, loggerFactory, cancellationToken);
        }

        var queues = new QueueTriggerListener(
            _invoker,
            new QueueListenerSettings(
                connection => options.AppSettings.TryGetValue(connection, out var value) && !string.IsNullOrEmpty(value)
                    ? value
                    : throw new WorkerHostException($"The queue trigger's connection setting '{connection}' is not set."),
                hostJson.MaxDequeueCount,
                options.QueueVisibilityTimeout ?? hostJson.VisibilityTimeout,
                options.QueuePollInterval),
            logger);
        var background = new List<Task> { queues.RunAsync(Functions, _stopping.Token) };
        if (options.RunTimerSchedules)
        {
            background.Add(_timers.RunSchedulesAsync(Functions, _stopping.Token));
        }

        _background = Task.WhenAll(background);
    }

    /// <summary>
    /// The worker reports its HTTP address in the init response, but its ASP.NET Core server starts listening
    /// there only as the worker's own host finishes starting, which can be after the functions are loaded; a
    /// request forwarded before then is refused. So the host is not started until a connection is accepted.
    /// </summary>
    private async Task WaitUntilWorkerListensAsync(Uri workerHttpUri, CancellationToken cancellationToken)
    {
        while (true)
        {
            using var probe = new TcpClient();
            try
            {
                await probe.ConnectAsync(workerHttpUri.Host, workerHttpUri.Port, cancellationToken);
                return;
            }
            catch (SocketException) when (!_worker.Exited.IsCompleted)
            {
                await Task.Delay(WorkerListenPollInterval, cancellationToken);
            }
            catch (SocketException)
            {
                throw new WorkerHostException($"The worker exited before it listened on {workerHttpUri}. Its last output:{Environment.NewLine}{_worker.LastOutput}");
            }
        }
    }

    private async Task StartFrontAsync(Uri workerHttpUri, HostJson hostJson, Uri url, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        builder.Services.AddSingleton(loggerFactory);
        builder.WebHost.UseUrls(url.ToString());
        builder.Services.AddHttpClient();
        var app = builder.Build();
        var client = app.Services.GetRequiredService<IHttpClientFactory>().CreateClient();
        var forwarder = new HttpForwarder(_channel, _invoker, workerHttpUri, client, loggerFactory.CreateLogger<HttpForwarder>());
        forwarder.Map(app, hostJson.RoutePrefix, Functions);
        _admin = new AdminFunctionsEndpoint(Functions, _invoker, _timers, loggerFactory.CreateLogger<AdminFunctionsEndpoint>(), _stopping.Token);
        _admin.Map(app);
        await app.StartAsync(cancellationToken);
        _front = app;
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
    }

    private static void EnsureSucceeded(StatusResult result, string step)
    {
        if (result is null || result.Status != StatusResult.Types.Status.Success)
        {
            throw new WorkerHostException($"{step} failed in the worker: {result?.Exception?.Message ?? result?.Result ?? "no result"}");
        }
    }
}
