using System.Diagnostics;
using System.Diagnostics.Metrics;
using Radikalisering.Core.Telemetry;

namespace Radikalisering.Tests.Telemetry;

/// <summary>Listens to the app's <see cref="OperationTelemetry.Name"/> source and meter as an exporter would.</summary>
internal sealed class TelemetryRecorder : IDisposable
{
    private readonly MeterListener _meters = new();
    private readonly ActivityListener _spans;

    public TelemetryRecorder()
    {
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == OperationTelemetry.Name)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.Start();

        _spans = new ActivityListener
        {
            ShouldListenTo = source => source.Name == OperationTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => Spans.Add(activity),
        };
        ActivitySource.AddActivityListener(_spans);
    }

    public List<RecordedMeasurement> Measurements { get; } = [];

    public List<Activity> Spans { get; } = [];

    public void Dispose()
    {
        _meters.Dispose();
        _spans.Dispose();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        Measurements.Add(new RecordedMeasurement(instrument.Name, value, tags.ToArray().ToDictionary(tag => tag.Key, tag => tag.Value)));
}

internal sealed record RecordedMeasurement(string Instrument, double Value, Dictionary<string, object?> Tags);
