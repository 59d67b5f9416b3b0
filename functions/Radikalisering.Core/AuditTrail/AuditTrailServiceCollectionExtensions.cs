using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Radikalisering.Core.Audit;

namespace Radikalisering.Core.AuditTrail;

public static class AuditTrailServiceCollectionExtensions
{
    /// <summary>
    /// Makes <see cref="ChainedAuditLog"/> the app's <see cref="IAuditLog"/> (table, then trail) unless one
    /// is registered already (a test's double), plus the verifier and its endpoint. Call it before
    /// <c>AddAccess</c>, whose plain table audit log is only the fallback.
    /// Needs the storage services (<c>AddStorage</c>).
    /// </summary>
    public static IServiceCollection AddAuditTrail(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TableAuditLog>();
        services.TryAddSingleton<AuditTrailWriter>();
        services.TryAddSingleton<AuditTrailReader>();
        services.TryAddSingleton<AuditTrailVerifier>();
        services.TryAddSingleton<AuditTrailEndpoints>();
        services.TryAddSingleton<ChainedAuditLog>();
        services.TryAddSingleton<IAuditLog>(provider => provider.GetRequiredService<ChainedAuditLog>());
        return services;
    }
}
