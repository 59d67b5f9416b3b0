using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Radikalisering.Core.AuditTrail;
using Radikalisering.Core.Backup;
using Radikalisering.Core.Health;

namespace Radikalisering.Core.Operations;

public static class OperationsServiceCollectionExtensions
{
    /// <summary>
    /// What IT operations rely on: the tamper-evident audit trail (it becomes the app's audit log),
    /// the health checks and their anonymous route, the daily operations check and the backups.
    /// Needs the services of <c>AddConcernServices</c> and <c>AddAnnualReport</c>; call it before them (see <c>AddAuditTrail</c>).
    /// </summary>
    public static IServiceCollection AddOperations(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddAuditTrail();
        services.AddHealthChecks()
            .AddCheck<StorageHealthCheck>(StorageHealthCheck.Name)
            .AddCheck<DataKeyHealthCheck>(DataKeyHealthCheck.Name);
        services.TryAddSingleton<HealthEndpoint>();
        services.TryAddSingleton<OperationsCheck>();
        services.TryAddSingleton<BackupExporter>();
        services.TryAddSingleton<BackupRestorer>();
        services.TryAddSingleton<BackupRetention>();
        services.TryAddSingleton<BackupEndpoints>();
        return services;
    }
}
