using Microsoft.Azure.Functions.Worker;
using Radikalisering.Core.Audit;
using Radikalisering.Core.Concerns;

namespace Radikalisering.Functions.Concerns;

/// <summary>
/// The record path's upkeep as timers, not hosted services: the app scales to zero on Flex Consumption, and only
/// a timer is run whether or not an instance is alive (one run at a time across instances).
/// </summary>
public sealed class RecordPathFunctions(AuditIntentSweep sweep, RecordPathWarmup warmup)
{
    [Function("CompleteAuditIntents")]
    public Task CompleteAuditIntentsAsync([TimerTrigger(AuditIntentSweep.Schedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        sweep.CompleteAsync(partitionKey: null, AuditIntentSweep.Grace, cancellationToken);

    [Function("WarmUpRecordPath")]
    public Task WarmUpRecordPathAsync([TimerTrigger(RecordPathWarmup.Schedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        warmup.RunAsync(cancellationToken);
}
