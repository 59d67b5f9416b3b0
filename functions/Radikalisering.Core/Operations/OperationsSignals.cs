using Microsoft.Extensions.Logging;

namespace Radikalisering.Core.Operations;

/// <summary>
/// The signals the alert rules (infra/modules/alerts.bicep) look for: error logs whose structured
/// property <c>Signal</c> carries one of these stable names. They name a year, a queue or a count,
/// never a concern's facts. Logged at Error, which the worker's telemetry always sends.
/// </summary>
public static partial class OperationsSignals
{
    public const string PropertyName = "Signal";

    public const string AnnualReportOverdue = nameof(AnnualReportOverdue);

    public const string PoisonMessagesWaiting = nameof(PoisonMessagesWaiting);

    public const string AuditTrailAppendFailed = nameof(AuditTrailAppendFailed);

    public const string AuditIntentsStale = nameof(AuditIntentsStale);

    public static void ReportOverdue(this ILogger logger, int year, string status) =>
        LogReportOverdue(logger, AnnualReportOverdue, year, status);

    public static void PoisonMessages(this ILogger logger, string queue, int count) =>
        LogPoisonMessages(logger, PoisonMessagesWaiting, queue, count);

    public static void AuditAppendFailed(this ILogger logger, string action, Exception exception) =>
        LogAuditAppendFailed(logger, AuditTrailAppendFailed, action, exception);

    public static void StaleAuditIntents(this ILogger logger, int count, TimeSpan age, DateTimeOffset oldest) =>
        LogStaleAuditIntents(logger, AuditIntentsStale, count, age.TotalMinutes, oldest);

    [LoggerMessage(EventName = AnnualReportOverdue, Level = LogLevel.Error,
        Message = "{Signal}: the annual report for {Year} is not sent ({Status}). See docs/operations.md, the January checklist.")]
    private static partial void LogReportOverdue(ILogger logger, string signal, int year, string status);

    [LoggerMessage(EventName = PoisonMessagesWaiting, Level = LogLevel.Error,
        Message = "{Signal}: {Count} messages wait in the poison queue {Queue}.")]
    private static partial void LogPoisonMessages(ILogger logger, string signal, string queue, int count);

    [LoggerMessage(EventName = AuditTrailAppendFailed, Level = LogLevel.Error,
        Message = "{Signal}: an audit entry ({Action}) could not be appended to the audit trail; a read or refusal failed with it, a committed change's intent is completed by the sweep.")]
    private static partial void LogAuditAppendFailed(ILogger logger, string signal, string action, Exception exception);

    [LoggerMessage(EventName = AuditIntentsStale, Level = LogLevel.Error,
        Message = "{Signal}: {Count} audit intents are older than {Minutes} minutes, the oldest from {Oldest}; the sweep completes them now.")]
    private static partial void LogStaleAuditIntents(ILogger logger, string signal, int count, double minutes, DateTimeOffset oldest);
}
