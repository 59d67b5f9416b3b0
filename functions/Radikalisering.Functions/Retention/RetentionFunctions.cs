using Microsoft.Azure.Functions.Worker;
using Radikalisering.Core.Retention;

namespace Radikalisering.Functions.Retention;

/// <summary>Deletes concerns whose retention after the year's report has run out (daily, UTC).</summary>
public sealed class RetentionFunctions(RetentionJob job)
{
    [Function("DeleteExpiredConcerns")]
    public Task DeleteExpiredAsync([TimerTrigger(RetentionJob.Schedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        job.RunAsync(cancellationToken);
}
