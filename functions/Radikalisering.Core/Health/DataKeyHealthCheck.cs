using Microsoft.Extensions.Diagnostics.HealthChecks;
using Radikalisering.Core.Encryption;

namespace Radikalisering.Core.Health;

/// <summary>The current data key can be had (from the provider's cache, or Key Vault when that is stale).</summary>
public sealed class DataKeyHealthCheck(IDataKeyProvider keys) : IHealthCheck
{
    public const string Name = "dataKey";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await keys.GetCurrentKeyAsync(cancellationToken);
        return HealthCheckResult.Healthy();
    }
}
