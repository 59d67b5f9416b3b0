using Azure.Data.Tables;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Radikalisering.Core.Storage;

namespace Radikalisering.Core.Health;

/// <summary>Storage is reachable with the app's identity: one key-only read of at most one row of the <c>Concerns</c> table.</summary>
public sealed class StorageHealthCheck(TableClientProvider tables, IOptions<StorageOptions> options) : IHealthCheck
{
    public const string Name = "storage";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(options.Value.ConcernsTable, cancellationToken);
        await foreach (var _ in table.QueryAsync<TableEntity>(maxPerPage: 1, select: ["PartitionKey"], cancellationToken: cancellationToken)
            .AsPages().WithCancellation(cancellationToken))
        {
            break;
        }

        return HealthCheckResult.Healthy();
    }
}
