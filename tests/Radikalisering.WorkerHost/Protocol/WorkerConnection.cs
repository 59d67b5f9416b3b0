namespace Radikalisering.WorkerHost.Protocol;

/// <summary>Hands the worker's channel from the gRPC endpoint to the host that waits for it.</summary>
public sealed class WorkerConnection
{
    private readonly TaskCompletionSource<WorkerChannel> _channel = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string WorkerId { get; } = Guid.NewGuid().ToString();

    public Task<WorkerChannel> Channel => _channel.Task;

    public void Connect(WorkerChannel channel) => _channel.TrySetResult(channel);

    public void Fail(Exception failure) => _channel.TrySetException(failure);
}
