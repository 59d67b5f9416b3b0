using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;
using Radikalisering.Core.Http;
using Radikalisering.Core.Telemetry;
using Radikalisering.Functions.Telemetry;

namespace Radikalisering.EndToEndTests.Telemetry;

/// <summary>
/// The worker middleware that measures concern writes, compiles and sends, driven as the worker drives it; that it
/// leaves every invocation of the real worker succeeding is checked by the README walk (<c>ConcernApiTests</c>).
/// </summary>
public sealed class OperationTelemetryMiddlewareTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().AddSingleton<OperationTelemetry>().BuildServiceProvider();
    private readonly MeterListener _listener = new();
    private readonly List<(string Operation, string Result)> _counted = [];

    public OperationTelemetryMiddlewareTests()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == OperationTelemetry.Name && instrument.Name == OperationTelemetry.OperationsInstrument)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            var byKey = tags.ToArray().ToDictionary(tag => tag.Key, tag => (string)tag.Value!);
            _counted.Add((byKey[OperationTelemetry.OperationTag], byKey[OperationTelemetry.ResultTag]));
        });
        _listener.Start();
    }

    private OperationTelemetryMiddleware Middleware => new(_services.GetRequiredService<OperationTelemetry>());

    public void Dispose()
    {
        _listener.Dispose();
        _services.Dispose();
    }

    [Theory]
    [InlineData("CreateConcern", "concern.create")]
    [InlineData("UpdateConcern", "concern.update")]
    [InlineData("DeleteConcern", "concern.delete")]
    [InlineData("CompileReport", "report.compile")]
    [InlineData("CompileAnnualReport", "report.compile")]
    [InlineData("SendReport", "report.send")]
    [InlineData("SendAnnualReport", "report.send")]
    public async Task Each_measured_function_counts_under_its_operation(string function, string operation)
    {
        await Middleware.Invoke(new TestFunctionContext(function), _ => Task.CompletedTask);

        Assert.Equal([(operation, "succeeded")], _counted);
    }

    [Theory]
    [InlineData(200, OperationResult.Succeeded)]
    [InlineData(201, OperationResult.Succeeded)]
    [InlineData(204, OperationResult.Succeeded)]
    [InlineData(404, OperationResult.Refused)]
    [InlineData(409, OperationResult.Refused)]
    [InlineData(412, OperationResult.Refused)]
    [InlineData(500, OperationResult.Failed)]
    [InlineData(503, OperationResult.Failed)]
    public void An_http_function_counts_by_the_status_code_of_the_result_it_returned(int status, OperationResult expected)
    {
        Assert.Equal(expected, OperationTelemetryMiddleware.ResultOf(new HandlerActionResult(TypedResults.StatusCode(status))));
    }

    [Fact]
    public void A_result_with_a_header_counts_by_the_status_code_it_carries()
    {
        Assert.Equal(OperationResult.Succeeded, OperationTelemetryMiddleware.ResultOf(new HandlerActionResult(new HeaderedResult(TypedResults.Created("/api/concerns/2026/x", new { }), HeaderNames.ETag, "\"1\""))));
        Assert.Equal(OperationResult.Failed, OperationTelemetryMiddleware.ResultOf(new HandlerActionResult(new HeaderedResult(TypedResults.Problem(statusCode: 503), HeaderNames.RetryAfter, "1"))));
    }

    [Fact]
    public async Task A_background_run_that_returns_succeeded_and_one_that_throws_failed()
    {
        await Middleware.Invoke(new TestFunctionContext("CompileAnnualReport"), _ => Task.CompletedTask);
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Middleware.Invoke(new TestFunctionContext("SendAnnualReport"), _ => throw new InvalidOperationException("Graph is down (simulated).")));

        Assert.Equal([("report.compile", "succeeded"), ("report.send", "failed")], _counted);
    }

    [Theory]
    [InlineData("GetConcern")]
    [InlineData("ListConcerns")]
    [InlineData("ExportBackup")]
    public async Task Other_functions_run_unmeasured(string function)
    {
        var ran = false;

        await Middleware.Invoke(new TestFunctionContext(function), _ =>
        {
            ran = true;
            return Task.CompletedTask;
        });

        Assert.True(ran);
        Assert.Empty(_counted);
    }
}
