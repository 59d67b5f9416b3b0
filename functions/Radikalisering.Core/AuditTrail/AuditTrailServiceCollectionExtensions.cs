using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Radikalisering.Core.Audit;

namespace Radikalisering.Core.AuditTrail;

public static class AuditTrailServiceCollectionExtensions
{
    /// <summary>
    /// Makes <see cref="ChainedAuditLog"/> the app's <see cref="IAuditLog"/> (table, then trail),
    /// whether this runs before or after <c>AddAccess</c>, plus the verifier and its endpoint.
    /// Needs the storage services (<c>AddStorage</c>).
    /// </summary>
    public static IServiceCollection AddAuditTrail(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TableAuditLog>();
        services.TryAddSingleton<AuditTrailWriter>();
        services.TryAddSingleton<AuditTrailVerifier>();
        services.TryAddSingleton<AuditTrailEndpoints>();
        services.Replace(ServiceDescriptor.Singleton<IAuditLog, ChainedAuditLog>());
        return services;
    }
}
