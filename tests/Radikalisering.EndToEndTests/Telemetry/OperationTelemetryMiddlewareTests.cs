using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Radikalisering.Core.Telemetry;
using Radikalisering.Functions.Telemetry;

namespace Radikalisering.EndToEndTests.Telemetry;

/// <summary>The worker middleware that measures concern writes, compiles and sends, driven as the worker drives it.</summary>
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
    [InlineData("CreateConcern", 201, "concern.create", "succeeded")]
    [InlineData("UpdateConcern", 412, "concern.update", "refused")]
    [InlineData("DeleteConcern", 503, "concern.delete", "failed")]
    [InlineData("CompileReport", 409, "report.compile", "refused")]
    [InlineData("SendReport", 200, "report.send", "succeeded")]
    public async Task An_http_function_is_counted_by_the_status_code_its_result_wrote(string function, int status, string operation, string result)
    {
        var context = new TestFunctionContext(function, new DefaultHttpContext());

        await Middleware.Invoke(context, invoked => WriteStatus(invoked, status));

        Assert.Equal([(operation, result)], _counted);
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

    /// <summary>What the ASP.NET Core integration's middleware does inside: runs the function and writes its result.</summary>
    private static Task WriteStatus(FunctionContext context, int status)
    {
        ((HttpContext)context.Items[TestFunctionContext.HttpContextKey]).Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
