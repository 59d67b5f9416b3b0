using Microsoft.Azure.Functions.Worker;
using Radikalisering.Core.Reports;
using Radikalisering.Core.Telemetry;
using Radikalisering.Functions.Telemetry;

namespace Radikalisering.Functions.Reports;

/// <summary>
/// The annual report's background work: the January timer compiles last year and enqueues
/// <c>report-ready</c>; the queue trigger mails it once. Both use the app's storage account
/// (the default <c>AzureWebJobsStorage</c> connection: infra keeps the app's queue there).
/// </summary>
public sealed class AnnualReportFunctions(CompileAnnualReportJob schedule, ReportReadyHandler handler)
{
    [Function("CompileAnnualReport")]
    [MeasuredAs(AppOperation.ReportCompile)]
    public Task CompileAsync([TimerTrigger(CompileAnnualReportJob.Schedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        schedule.RunAsync(cancellationToken);

    [Function("SendAnnualReport")]
    [MeasuredAs(AppOperation.ReportSend)]
    public Task SendAsync([QueueTrigger(ReportReadyMessages.TriggerQueueName)] string message, CancellationToken cancellationToken) =>
        handler.HandleAsync(message, cancellationToken);
}
