using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Radikalisering.Core.Audit;

/// <summary>Runs <see cref="AuditIntentSweep"/> over the whole table every <see cref="Interval"/> while the app runs.</summary>
public sealed partial class AuditIntentSweeper(AuditIntentSweep sweep, TimeProvider time, ILogger<AuditIntentSweeper> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await sweep.CompleteAsync(partitionKey: null, AuditIntentSweep.Grace, stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Storage may be unavailable; the intents stay and the next run completes them.
                LogFailed(exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The audit intent sweep failed; it runs again at its next interval.")]
    private partial void LogFailed(Exception exception);
}
