using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Radikalisering.Core.Telemetry;

namespace Radikalisering.Functions.Telemetry;

/// <summary>
/// Measures the functions that write concerns, compile or send the report (<see cref="OperationTelemetry"/>).
/// Registered outside the ASP.NET Core integration's middleware, so an HTTP function's result has been written
/// when it reads the status code: 2xx succeeded, 4xx refused, 5xx or an exception failed.
/// </summary>
public sealed class OperationTelemetryMiddleware(OperationTelemetry telemetry) : IFunctionsWorkerMiddleware
{
    private static readonly Dictionary<string, AppOperation> Operations = new(StringComparer.Ordinal)
    {
        ["CreateConcern"] = AppOperation.ConcernCreate,
        ["UpdateConcern"] = AppOperation.ConcernUpdate,
        ["DeleteConcern"] = AppOperation.ConcernDelete,
        ["CompileAnnualReport"] = AppOperation.ReportCompile,
        ["CompileReport"] = AppOperation.ReportCompile,
        ["SendAnnualReport"] = AppOperation.ReportSend,
        ["SendReport"] = AppOperation.ReportSend,
    };

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (!Operations.TryGetValue(context.FunctionDefinition.Name, out var operation))
        {
            await next(context);
            return;
        }

        var measurement = telemetry.Start(operation);
        try
        {
            await next(context);
        }
        catch
        {
            measurement.Complete(OperationResult.Failed);
            throw;
        }

        measurement.Complete(context.GetHttpContext()?.Response.StatusCode switch
        {
            null or < 400 => OperationResult.Succeeded,
            < 500 => OperationResult.Refused,
            _ => OperationResult.Failed,
        });
    }
}
