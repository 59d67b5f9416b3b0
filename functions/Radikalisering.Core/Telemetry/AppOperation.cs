namespace Radikalisering.Core.Telemetry;

/// <summary>The operations the app measures itself; each name is the span's name and the metrics' operation tag.</summary>
public enum AppOperation
{
    ConcernCreate,
    ConcernUpdate,
    ConcernDelete,
    ReportCompile,
    ReportSend,
}
