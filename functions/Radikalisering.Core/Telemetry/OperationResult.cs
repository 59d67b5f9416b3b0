namespace Radikalisering.Core.Telemetry;

/// <summary>How a measured operation ended, as the metrics' result tag says it.</summary>
public enum OperationResult
{
    /// <summary>Done (a 2xx answer, or a background run that returned).</summary>
    Succeeded,

    /// <summary>Refused the caller (a 4xx answer: invalid, unauthorised, stale ETag, conflict).</summary>
    Refused,

    /// <summary>Failed (a 5xx answer, or an exception).</summary>
    Failed,
}
