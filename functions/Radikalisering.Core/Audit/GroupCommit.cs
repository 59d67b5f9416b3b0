using System.Collections.Concurrent;

namespace Radikalisering.Core.Audit;

/// <summary>
/// Writes items one commit at a time, each commit taking every item waiting (up to a batch), so items that arrive
/// while a commit is under way go together in the next: a lone item is written at once, and concurrent ones share
/// requests instead of queueing for one each. A commit is not cancelled by any one caller, whose item shares it with
/// others'; its failure fails every item it held. A caller that gives up while waiting leaves its item queued.
/// </summary>
internal sealed class GroupCommit<T>(int maximumBatch, Func<IReadOnlyList<T>, Task> commit) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentQueue<Waiting> _waiting = new();

    /// <summary>Returns once the item is written: by this call's commit or by one before it.</summary>
    public async Task WriteAsync(T item, CancellationToken cancellationToken)
    {
        var waiting = new Waiting(item);
        _waiting.Enqueue(waiting);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            // The commits before this one may have taken this item already; each takes the oldest items.
            while (!waiting.Written.Task.IsCompleted)
            {
                await CommitWaitingAsync();
            }
        }
        finally
        {
            _gate.Release();
        }

        await waiting.Written.Task;
    }

    public void Dispose() => _gate.Dispose();

    private async Task CommitWaitingAsync()
    {
        var batch = new List<Waiting>();
        while (batch.Count < maximumBatch && _waiting.TryDequeue(out var next))
        {
            batch.Add(next);
        }

        try
        {
            await commit([.. batch.Select(waiting => waiting.Item)]);
            batch.ForEach(waiting => waiting.Written.TrySetResult());
        }
        catch (Exception exception)
        {
            batch.ForEach(waiting => waiting.Written.TrySetException(exception));
        }
    }

    private sealed record Waiting(T Item)
    {
        public TaskCompletionSource Written { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
