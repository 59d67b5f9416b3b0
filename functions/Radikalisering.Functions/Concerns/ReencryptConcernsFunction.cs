using Microsoft.Azure.Functions.Worker;
using Radikalisering.Core.Concerns;

namespace Radikalisering.Functions.Concerns;

/// <summary>Moves rows sealed under an older data key version onto the current one, daily.</summary>
public sealed class ReencryptConcernsFunction(ReencryptConcernsJob job)
{
    [Function("ReencryptConcerns")]
    public Task RunAsync(
        [TimerTrigger(ReencryptConcernsJob.Schedule)] TimerInfo timer,
        CancellationToken cancellationToken) =>
        job.RunAsync(cancellationToken);
}
