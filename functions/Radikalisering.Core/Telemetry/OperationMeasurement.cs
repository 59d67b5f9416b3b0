using System.Diagnostics;

namespace Radikalisering.Core.Telemetry;

/// <summary>A started operation: its span (if anyone listens) and its start time.</summary>
public sealed class OperationMeasurement
{
    private readonly OperationTelemetry _telemetry;
    private readonly AppOperation _operation;
    private readonly Activity? _activity;
    private readonly long _startedAt;

    internal OperationMeasurement(OperationTelemetry telemetry, AppOperation operation, Activity? activity, long startedAt)
    {
        _telemetry = telemetry;
        _operation = operation;
        _activity = activity;
        _startedAt = startedAt;
    }

    /// <summary>Counts the operation, records its duration and ends its span, all tagged with the result.</summary>
    public void Complete(OperationResult result)
    {
        _telemetry.Record(_operation, result, Stopwatch.GetElapsedTime(_startedAt));
        if (_activity is null)
        {
            return;
        }

        _activity.SetTag(OperationTelemetry.OperationTag, OperationTelemetry.TagOf(_operation));
        _activity.SetTag(OperationTelemetry.ResultTag, OperationTelemetry.TagOf(result));
        _activity.SetStatus(result == OperationResult.Failed ? ActivityStatusCode.Error : ActivityStatusCode.Ok);
        _activity.Dispose();
    }
}
