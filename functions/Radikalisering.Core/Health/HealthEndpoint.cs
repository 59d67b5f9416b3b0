using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Net.Http.Headers;
using Radikalisering.Core.Http;

namespace Radikalisering.Core.Health;

/// <summary>
/// <c>GET /api/health</c>, anonymous (excluded from Easy Auth) for the availability test: 200 when
/// storage and the data key are reachable, else 503, and in the body only which of the two is
/// reachable: no counts, no data, no error text. A result is reused for <see cref="ResultLifetime"/>,
/// so anonymous callers cannot turn the route into load on storage or Key Vault.
/// </summary>
public sealed class HealthEndpoint(HealthCheckService checks, TimeProvider timeProvider) : IDisposable
{
    public static readonly TimeSpan ResultLifetime = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private (HealthReport Report, DateTimeOffset At)? _last;

    public async Task<IResult> GetAsync(CancellationToken cancellationToken)
    {
        var report = await ReportAsync(cancellationToken);
        var body = new HealthView(
            report.Status == HealthStatus.Healthy ? "healthy" : "unhealthy",
            Reachability(report, StorageHealthCheck.Name),
            Reachability(report, DataKeyHealthCheck.Name));
        var status = report.Status == HealthStatus.Healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
        return new HeaderedResult(TypedResults.Json(body, statusCode: status), HeaderNames.CacheControl, "no-store");
    }

    private async Task<HealthReport> ReportAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = timeProvider.GetUtcNow();
            if (_last is { } last && now - last.At < ResultLifetime)
            {
                return last.Report;
            }

            var report = await checks.CheckHealthAsync(cancellationToken);
            _last = (report, now);
            return report;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private static string Reachability(HealthReport report, string check) =>
        report.Entries.TryGetValue(check, out var entry) && entry.Status == HealthStatus.Healthy ? "reachable" : "unreachable";
}
