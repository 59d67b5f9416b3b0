using System.Text.Json;
using Microsoft.Extensions.Logging;
using NCrontab;
using Radikalisering.WorkerHost.Functions;
using Radikalisering.WorkerHost.Protocol;

namespace Radikalisering.WorkerHost.Timers;

/// <summary>
/// Runs timer functions on demand and, when asked to, on their NCRONTAB schedules (six fields, with
/// seconds, UTC, as the Functions host reads them). Each invocation gets the <c>TimerInfo</c> the host sends.
/// </summary>
public sealed class TimerInvoker(FunctionInvoker invoker, TimeProvider time, ILogger logger)
{
    private static readonly CrontabSchedule.ParseOptions WithSeconds = new() { IncludingSeconds = true };

    public static CrontabSchedule Parse(TimerTrigger trigger)
    {
        return CrontabSchedule.TryParse(trigger.Schedule, WithSeconds)
            ?? throw new WorkerHostException($"'{trigger.Schedule}' is not an NCRONTAB schedule with seconds; this worker host runs no other timer format.");
    }

    public Task<InvocationResponse> InvokeAsync(WorkerFunction function, bool isPastDue, CancellationToken cancellationToken)
    {
        var trigger = function.Trigger as TimerTrigger
            ?? throw new ArgumentException($"{function.Name} is not a timer function.", nameof(function));
        var now = time.GetUtcNow().UtcDateTime;
        var timerInfo = new
        {
            Schedule = new { AdjustForDST = true },
            ScheduleStatus = new { Last = now, Next = Parse(trigger).GetNextOccurrence(now), LastUpdated = now },
            IsPastDue = isPastDue,
        };
        return invoker.InvokeAsync(function, new TypedData { Json = JsonSerializer.Serialize(timerInfo) }, new Dictionary<string, TypedData>(), cancellationToken);
    }

    /// <summary>Invokes each timer function at its next occurrence, until cancelled.</summary>
    public Task RunSchedulesAsync(IEnumerable<WorkerFunction> functions, CancellationToken cancellationToken) =>
        Task.WhenAll(functions.Where(function => function.Trigger is TimerTrigger).Select(function => RunScheduleAsync(function, cancellationToken)));

    private async Task RunScheduleAsync(WorkerFunction function, CancellationToken cancellationToken)
    {
        var schedule = Parse((TimerTrigger)function.Trigger);
        while (!cancellationToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var next = schedule.GetNextOccurrence(now);
            try
            {
                await Task.Delay(next - now, time, cancellationToken);
                await InvokeAsync(function, isPastDue: false, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (WorkerHostException exception)
            {
                logger.LogError(exception, "Timer {Function} could not run.", function.Name);
            }
        }
    }
}
