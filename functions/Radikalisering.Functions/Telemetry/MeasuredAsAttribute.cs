using Radikalisering.Core.Telemetry;

namespace Radikalisering.Functions.Telemetry;

/// <summary>
/// Marks a function that <see cref="OperationTelemetryMiddleware"/> measures, and as which operation; the middleware
/// finds the function's name on its <c>[Function]</c> attribute, so no name is spelled twice.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class MeasuredAsAttribute(AppOperation operation) : Attribute
{
    public AppOperation Operation { get; } = operation;
}
