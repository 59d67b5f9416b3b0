using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Radikalisering.Core.Telemetry;

/// <summary>
/// The app's own traces and metrics, both named <see cref="Name"/>: a span per concern write, report compile
/// and report send, and two instruments, <see cref="OperationsInstrument"/> (a count) and
/// <see cref="DurationInstrument"/> (seconds). Their only tags are <see cref="OperationTag"/> and
/// <see cref="ResultTag"/>, each from a fixed set of values: no fact about a concern (age, reporter, outcome,
/// reference, year or count) is ever in telemetry.
/// </summary>
public sealed class OperationTelemetry
{
    public const string Name = "Radikalisering";
    public const string OperationsInstrument = "radikalisering.operations";
    public const string DurationInstrument = "radikalisering.operation.duration";
    public const string OperationTag = "radikalisering.operation";
    public const string ResultTag = "radikalisering.result";

    private static readonly ActivitySource Source = new(Name);

    private readonly Counter<long> _operations;
    private readonly Histogram<double> _duration;

    public OperationTelemetry(IMeterFactory meters)
    {
        var meter = meters.Create(Name);
        _operations = meter.CreateCounter<long>(
            OperationsInstrument, "{operation}", "Concern writes, report compiles and report sends, by operation and result.");
        _duration = meter.CreateHistogram<double>(
            DurationInstrument, "s", "How long concern writes, report compiles and report sends took, by operation and result.");
    }

    /// <summary>The tag value of an operation, e.g. <c>concern.create</c>.</summary>
    public static string TagOf(AppOperation operation) => operation switch
    {
        AppOperation.ConcernCreate => "concern.create",
        AppOperation.ConcernUpdate => "concern.update",
        AppOperation.ConcernDelete => "concern.delete",
        AppOperation.ReportCompile => "report.compile",
        AppOperation.ReportSend => "report.send",
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, null),
    };

    /// <summary>The tag value of a result, e.g. <c>refused</c>.</summary>
    public static string TagOf(OperationResult result) => result switch
    {
        OperationResult.Succeeded => "succeeded",
        OperationResult.Refused => "refused",
        OperationResult.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(result), result, null),
    };

    /// <summary>Starts the operation's span and clock; <see cref="OperationMeasurement.Complete"/> records it.</summary>
    public OperationMeasurement Start(AppOperation operation) =>
        new(this, operation, Source.StartActivity(TagOf(operation)), Stopwatch.GetTimestamp());

    internal void Record(AppOperation operation, OperationResult result, TimeSpan elapsed)
    {
        var tags = new TagList { { OperationTag, TagOf(operation) }, { ResultTag, TagOf(result) } };
        _operations.Add(1, tags);
        _duration.Record(elapsed.TotalSeconds, tags);
    }
}
