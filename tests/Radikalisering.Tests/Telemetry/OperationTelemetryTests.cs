using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Radikalisering.Core.Telemetry;

namespace Radikalisering.Tests.Telemetry;

public sealed class OperationTelemetryTests : IDisposable
{
    /// <summary>Everything a tag may say: which operation, how it ended. Never an age, reporter, outcome, reference, year or count.</summary>
    private static readonly Dictionary<string, string[]> AllowedTags = new()
    {
        [OperationTelemetry.OperationTag] = ["concern.create", "concern.update", "concern.delete", "report.compile", "report.send"],
        [OperationTelemetry.ResultTag] = ["succeeded", "refused", "failed"],
    };

    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().AddSingleton<OperationTelemetry>().BuildServiceProvider();
    private readonly TelemetryRecorder _recorder = new();

    private OperationTelemetry Telemetry => _services.GetRequiredService<OperationTelemetry>();

    public void Dispose()
    {
        _recorder.Dispose();
        _services.Dispose();
    }

    [Fact]
    public void A_completed_operation_is_counted_timed_and_traced_with_its_operation_and_result()
    {
        Telemetry.Start(AppOperation.ConcernCreate).Complete(OperationResult.Refused);

        var count = Assert.Single(_recorder.Measurements, measurement => measurement.Instrument == OperationTelemetry.OperationsInstrument);
        Assert.Equal(1, count.Value);
        var duration = Assert.Single(_recorder.Measurements, measurement => measurement.Instrument == OperationTelemetry.DurationInstrument);
        Assert.InRange(duration.Value, 0, 5);
        Dictionary<string, object?> expected = new()
        {
            [OperationTelemetry.OperationTag] = "concern.create",
            [OperationTelemetry.ResultTag] = "refused",
        };
        Assert.Equal(expected, count.Tags);
        Assert.Equal(expected, duration.Tags);

        var span = Assert.Single(_recorder.Spans);
        Assert.Equal("concern.create", span.OperationName);
        Assert.Equal(expected, span.TagObjects.ToDictionary(tag => tag.Key, tag => tag.Value));
        Assert.Equal(ActivityStatusCode.Ok, span.Status);
    }

    [Fact]
    public void A_failed_operation_ends_its_span_as_an_error()
    {
        Telemetry.Start(AppOperation.ReportSend).Complete(OperationResult.Failed);

        Assert.Equal(ActivityStatusCode.Error, Assert.Single(_recorder.Spans).Status);
    }

    [Fact]
    public void Every_operation_and_result_is_tagged_only_with_the_allowed_keys_and_values()
    {
        foreach (var operation in Enum.GetValues<AppOperation>())
        {
            foreach (var result in Enum.GetValues<OperationResult>())
            {
                Telemetry.Start(operation).Complete(result);
            }
        }

        var combinations = Enum.GetValues<AppOperation>().Length * Enum.GetValues<OperationResult>().Length;
        Assert.Equal(2 * combinations, _recorder.Measurements.Count);
        Assert.Equal(combinations, _recorder.Spans.Count);
        IEnumerable<IEnumerable<KeyValuePair<string, object?>>> tagSets =
            [.. _recorder.Measurements.Select(measurement => measurement.Tags), .. _recorder.Spans.Select(span => span.TagObjects)];
        Assert.All(tagSets, tags => Assert.All(tags, tag =>
        {
            Assert.True(AllowedTags.TryGetValue(tag.Key, out var values), $"tag '{tag.Key}' is not allowed");
            Assert.Contains(Assert.IsType<string>(tag.Value), values);
        }));
    }

    [Fact]
    public void The_meter_and_the_source_carry_the_app_name_an_exporter_subscribes_to()
    {
        using var listener = new MeterListener();
        var published = new List<Instrument>();
        listener.InstrumentPublished = (instrument, _) => published.Add(instrument);
        listener.Start();

        _ = Telemetry;

        Assert.Equal(
            [OperationTelemetry.OperationsInstrument, OperationTelemetry.DurationInstrument],
            published.Where(instrument => instrument.Meter.Name == OperationTelemetry.Name).Select(instrument => instrument.Name).Order().Reverse());
    }
}
