using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Radikalisering.Core.Http;
using Radikalisering.Core.Telemetry;

namespace Radikalisering.Functions.Telemetry;

/// <summary>
/// Measures the functions marked <see cref="MeasuredAsAttribute"/> (writing concerns, compiling or sending the report;
/// <see cref="OperationTelemetry"/>):
/// an HTTP function by the status code of the result it returned (2xx succeeded, 4xx refused, 5xx failed), any
/// function that throws as failed. Registered inside the ASP.NET Core integration's middleware: outside it, the
/// request has been completed and its HttpContext disposed, so reading the response fails the invocation.
/// </summary>
public sealed class OperationTelemetryMiddleware(OperationTelemetry telemetry) : IFunctionsWorkerMiddleware
{
    /// <summary>Function name (its <c>[Function]</c> attribute) → operation, for every function of this app marked <see cref="MeasuredAsAttribute"/>.</summary>
    public static IReadOnlyDictionary<string, AppOperation> Operations { get; } =
        typeof(OperationTelemetryMiddleware).Assembly.GetTypes()
            .SelectMany(type => type.GetMethods())
            .Where(method => method.GetCustomAttribute<MeasuredAsAttribute>() is not null)
            .ToDictionary(
                method => method.GetCustomAttribute<FunctionAttribute>()?.Name
                    ?? throw new InvalidOperationException($"{method.DeclaringType}.{method.Name} is measured but is no function."),
                method => method.GetCustomAttribute<MeasuredAsAttribute>()!.Operation,
                StringComparer.Ordinal);

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
