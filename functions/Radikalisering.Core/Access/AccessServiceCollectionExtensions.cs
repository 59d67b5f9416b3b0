using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Radikalisering.Core.Audit;

namespace Radikalisering.Core.Access;

public static class AccessServiceCollectionExtensions
{
    /// <summary><see cref="AuthOptions"/> (validated on start), the table audit log and <see cref="AccessGuard"/>. Needs the storage services (<c>AddStorage</c>).</summary>
    public static IServiceCollection AddAccess(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<AuthOptions>()
            .Bind(configuration.GetSection(AuthOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>());
        services.TryAddSingleton<IAuditLog, TableAuditLog>();
        services.TryAddSingleton<AccessGuard>();
        return services;
    }
}
