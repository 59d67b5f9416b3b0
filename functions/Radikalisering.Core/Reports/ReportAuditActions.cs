namespace Radikalisering.Core.Reports;

/// <summary>The audit log's action names for statistics, reports and retention.</summary>
public static class ReportAuditActions
{
    public const string ReadStatistics = "statistics.read";
    public const string CompileReport = "report.compile";
    public const string SendReport = "report.send";
    public const string RetentionDeleteConcern = "retention.delete";

    /// <summary>Who the audit log names for work the system did on its own (timer, queue).</summary>
    public const string SystemCaller = "system";
}
