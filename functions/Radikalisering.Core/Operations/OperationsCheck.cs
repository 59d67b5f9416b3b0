using Azure.Storage.Queues;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Radikalisering.Core.Statistics;
using Radikalisering.Core.Storage;
using Radikalisering.Core.Time;

namespace Radikalisering.Core.Operations;

/// <summary>
/// The daily look at what should have happened: from 15 January on, last year's report must be
/// sent; and no message may wait in the <c>report-ready</c> poison queue. Each problem is logged
/// as an <see cref="OperationsSignals"/> signal, which raises an alert.
/// </summary>
public sealed class OperationsCheck(
    ReportSnapshotStore snapshots,
    QueueServiceClient queues,
    IOptions<StorageOptions> options,
    TimeProvider timeProvider,
    ILogger<OperationsCheck> logger)
{
    /// <summary>NCRONTAB (with seconds), UTC: every day at 07:00, after the report's and retention's runs.</summary>
    public const string Schedule = "0 0 7 * * *";

    /// <summary>The day of January by which last year's report must have been sent.</summary>
    public const int ReportDueDay = 15;

    public async Task<OperationsFindings> RunAsync(CancellationToken cancellationToken)
    {
        var overdueYear = await OverdueReportYearAsync(cancellationToken);
        var poisonCount = await PoisonMessageCountAsync(cancellationToken);
        if (poisonCount > 0)
        {
            logger.PoisonMessages(PoisonQueueName, poisonCount);
        }

        return new OperationsFindings(overdueYear, poisonCount);
    }

    private string PoisonQueueName => $"{options.Value.ReportReadyQueue}-poison";

    private async Task<int?> OverdueReportYearAsync(CancellationToken cancellationToken)
    {
        var today = new CopenhagenCalendar(timeProvider).Today;
        if (today < new DateOnly(today.Year, 1, ReportDueDay))
        {
            return null;
        }

        var year = today.Year - 1;
        var snapshot = await snapshots.GetAsync(year, cancellationToken);
        if (snapshot?.Status == ReportStatus.Sent)
        {
            return null;
        }

        logger.ReportOverdue(year, snapshot?.Status.ToString() ?? "NotCompiled");
        return year;
    }

    /// <summary>The Functions host creates the poison queue on the first message it gives up on.</summary>
    private async Task<int> PoisonMessageCountAsync(CancellationToken cancellationToken)
    {
        var queue = queues.GetQueueClient(PoisonQueueName);
        if (!await queue.ExistsAsync(cancellationToken))
        {
            return 0;
        }

        var properties = await queue.GetPropertiesAsync(cancellationToken);
        return properties.Value.ApproximateMessagesCount;
    }
}
