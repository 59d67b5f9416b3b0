using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Radikalisering.Core.Http;
using Radikalisering.Core.Telemetry;

namespace Radikalisering.Functions.Telemetry;

/// <summary>
/// Measures the functions that write concerns, compile or send the report (<see cref="OperationTelemetry"/>):
/// an HTTP function by the status code of the result it returned (2xx succeeded, 4xx refused, 5xx failed), any
/// function that throws as failed. Registered inside the ASP.NET Core integration's middleware: outside it, the
/// request has been completed and its HttpContext disposed, so reading the response fails the invocation.
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

        measurement.Complete(context.GetHttpContext() is null ? OperationResult.Succeeded : ResultOf(context.GetInvocationResult().Value));
    }

    /// <summary>How an HTTP function's returned result counts; a result without a status code answers 200.</summary>
    public static OperationResult ResultOf(object? functionResult) =>
        StatusCodeOf(functionResult) switch
        {
            null or < 400 => OperationResult.Succeeded,
            < 500 => OperationResult.Refused,
            _ => OperationResult.Failed,
        };

    private static int? StatusCodeOf(object? functionResult) => functionResult switch
    {
        HandlerActionResult { Result: IStatusCodeHttpResult result } => result.StatusCode,
        IStatusCodeHttpResult result => result.StatusCode,
        IStatusCodeActionResult result => result.StatusCode,
        _ => null,
    };
}
