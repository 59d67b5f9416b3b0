using System.Collections.Concurrent;
using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace Radikalisering.WorkerHost.Protocol;

/// <summary>
/// The worker's event stream after its <c>StartStream</c>: requests go out one at a time (a gRPC
/// stream allows one writer), answers are matched to them by what the protocol echoes: the function id
/// of a load, the invocation id of an invocation; init and metadata have one request in flight.
/// Anything else the worker sends fails every waiting request with a message naming it.
/// </summary>
public sealed class WorkerChannel(IAsyncStreamReader<StreamingMessage> fromWorker, IServerStreamWriter<StreamingMessage> toWorker, ILoggerFactory loggerFactory) : IDisposable
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<StreamingMessage>> _pending = new();
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ILogger _logger = loggerFactory.CreateLogger<WorkerChannel>();
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Exception? _failure;

    /// <summary>Completes when the worker ends the stream or breaks the protocol.</summary>
    public Task Closed => _closed.Task;

    public async Task<WorkerInitResponse> InitializeAsync(WorkerInitRequest request, CancellationToken cancellationToken) =>
        (await SendAsync("init", new StreamingMessage { WorkerInitRequest = request }, cancellationToken)).WorkerInitResponse;

    public async Task<FunctionMetadataResponse> GetMetadataAsync(FunctionsMetadataRequest request, CancellationToken cancellationToken) =>
        (await SendAsync("metadata", new StreamingMessage { FunctionsMetadataRequest = request }, cancellationToken)).FunctionMetadataResponse;

    public async Task<FunctionLoadResponse> LoadAsync(FunctionLoadRequest request, CancellationToken cancellationToken) =>
        (await SendAsync("load:" + request.FunctionId, new StreamingMessage { FunctionLoadRequest = request }, cancellationToken)).FunctionLoadResponse;

    /// <summary>Sends an invocation with the trace and retry context the worker reads on every invocation.</summary>
    public async Task<InvocationResponse> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        request.TraceContext ??= new RpcTraceContext { TraceParent = System.Diagnostics.Activity.Current?.Id ?? "" };
        request.RetryContext ??= new RetryContext();
        return (await SendAsync("invoke:" + request.InvocationId, new StreamingMessage { InvocationRequest = request }, cancellationToken)).InvocationResponse;
    }

    /// <summary>Tells the worker to stop; it answers by ending the stream and exiting.</summary>
    public Task TerminateAsync(TimeSpan gracePeriod) =>
        WriteAsync(new StreamingMessage { WorkerTerminate = new WorkerTerminate { GracePeriod = new Duration { Seconds = (long)gracePeriod.TotalSeconds } } }, CancellationToken.None);

    /// <summary>Reads the worker's messages until the stream ends. Runs inside the gRPC call.</summary>
    public async Task ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await fromWorker.MoveNext(cancellationToken))
            {
                Dispatch(fromWorker.Current);
            }

            Fail(new WorkerHostException("The worker closed its event stream."));
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or Grpc.Core.RpcException)
        {
            Fail(new WorkerHostException("The worker's event stream broke.", exception));
        }
        catch (WorkerHostException exception)
        {
            Fail(exception);
        }
    }

    public void Dispose() => _writeLock.Dispose();

    private void Dispatch(StreamingMessage message)
    {
        switch (message.ContentCase)
        {
            case StreamingMessage.ContentOneofCase.RpcLog:
                Log(message.RpcLog);
                break;
            case StreamingMessage.ContentOneofCase.WorkerInitResponse:
                Complete("init", message);
                break;
            case StreamingMessage.ContentOneofCase.FunctionMetadataResponse:
                Complete("metadata", message);
                break;
            case StreamingMessage.ContentOneofCase.FunctionLoadResponse:
                Complete("load:" + message.FunctionLoadResponse.FunctionId, message);
                break;
            case StreamingMessage.ContentOneofCase.InvocationResponse:
                Complete("invoke:" + message.InvocationResponse.InvocationId, message);
                break;
            case StreamingMessage.ContentOneofCase.WorkerStatusResponse:
                break;
            default:
                throw new WorkerHostException(
                    $"The worker sent '{message.ContentCase}', which this worker host does not support " +
                    "(it serves init, function metadata, function load, invocations and logs).");
        }
    }

    private async Task<StreamingMessage> SendAsync(string key, StreamingMessage message, CancellationToken cancellationToken)
    {
        var answer = new TaskCompletionSource<StreamingMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_pending.TryAdd(key, answer))
        {
            throw new InvalidOperationException($"A request '{key}' is already waiting for the worker.");
        }

        if (_failure is not null)
        {
            _pending.TryRemove(key, out _);
            throw new WorkerHostException(_failure.Message, _failure);
        }

        try
        {
            message.RequestId = Guid.NewGuid().ToString();
            await WriteAsync(message, cancellationToken);
            return await answer.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            _pending.TryRemove(key, out _);
        }
    }

    private async Task WriteAsync(StreamingMessage message, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await toWorker.WriteAsync(message, cancellationToken);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private void Complete(string key, StreamingMessage message)
    {
        if (_pending.TryGetValue(key, out var answer))
        {
            answer.TrySetResult(message);
        }
        else
        {
            _logger.LogWarning("The worker answered '{Key}', which no request waits for.", key);
        }
    }

    private void Fail(Exception failure)
    {
        _failure ??= failure;
        foreach (var answer in _pending.Values)
        {
            answer.TrySetException(failure);
        }

        _closed.TrySetResult();
    }

    private void Log(RpcLog log)
    {
        var level = log.Level switch
        {
            RpcLog.Types.Level.Trace => LogLevel.Trace,
            RpcLog.Types.Level.Debug => LogLevel.Debug,
            RpcLog.Types.Level.Information => LogLevel.Information,
            RpcLog.Types.Level.Warning => LogLevel.Warning,
            RpcLog.Types.Level.Error => LogLevel.Error,
            RpcLog.Types.Level.Critical => LogLevel.Critical,
            _ => LogLevel.None,
        };
        // Worker logs keep their own category, so the usual filters ("Microsoft": Warning) apply to them too.
        loggerFactory.CreateLogger(log.Category).Log(level, "{Message}{Exception}", log.Message,
            log.Exception is null ? "" : Environment.NewLine + log.Exception.Message + Environment.NewLine + log.Exception.StackTrace);
    }
}
