using System.Collections.Concurrent;
using Radikalisering.WorkerHost.Protocol;

namespace Radikalisering.WorkerHost.Functions;

/// <summary>Invokes a non-HTTP function with its trigger's input, and keeps a record of every invocation (HTTP ones included, see <see cref="Record"/>).</summary>
public sealed class FunctionInvoker(WorkerChannel channel)
{
    private readonly ConcurrentQueue<InvocationRecord> _invocations = new();
    private readonly Lock _gate = new();
    private readonly List<(Func<IReadOnlyCollection<InvocationRecord>, bool> Condition, TaskCompletionSource Reached)> _waiters = [];

    /// <summary>Every finished invocation, oldest first.</summary>
    public IReadOnlyCollection<InvocationRecord> Invocations => _invocations;

    public async Task<InvocationResponse> InvokeAsync(
        WorkerFunction function,
        TypedData trigger,
        IEnumerable<KeyValuePair<string, TypedData>> triggerMetadata,
        CancellationToken cancellationToken)
    {
        var request = new InvocationRequest
        {
            InvocationId = Guid.NewGuid().ToString(),
            FunctionId = function.Id,
            InputData = { new ParameterBinding { Name = function.Trigger.ParameterName, Data = trigger } },
        };
        foreach (var (name, value) in triggerMetadata)
        {
            request.TriggerMetadata[name] = value;
        }

        var response = await channel.InvokeAsync(request, cancellationToken);
        Record(function, response);
        return response;
    }

    /// <summary>Records a finished invocation, also one the HTTP front sent itself.</summary>
    public void Record(WorkerFunction function, InvocationResponse response)
    {
        _invocations.Enqueue(new InvocationRecord(
            function.Name,
            response.Result.Status == StatusResult.Types.Status.Success,
            response.Result.Exception?.Message ?? response.Result.Result));
        lock (_gate)
        {
            foreach (var waiter in _waiters.Where(waiter => waiter.Condition(_invocations)))
            {
                waiter.Reached.TrySetResult();
            }
        }
    }

    /// <summary>Completes once the finished invocations satisfy <paramref name="condition"/>, checked as each is recorded.</summary>
    public async Task WaitUntilAsync(Func<IReadOnlyCollection<InvocationRecord>, bool> condition, CancellationToken cancellationToken)
    {
        (Func<IReadOnlyCollection<InvocationRecord>, bool> Condition, TaskCompletionSource Reached) waiter =
            (condition, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (_gate)
        {
            if (condition(_invocations))
            {
                return;
            }

            _waiters.Add(waiter);
        }

        try
        {
            await waiter.Reached.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            lock (_gate)
            {
                _waiters.Remove(waiter);
            }
        }
    }
}

/// <param name="Error">The worker's exception message when the invocation failed.</param>
public sealed record InvocationRecord(string FunctionName, bool Succeeded, string? Error);
