using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Radikalisering.Core.Audit;
using Radikalisering.Core.Storage;

namespace Radikalisering.Core.Access;

public static class AccessServiceCollectionExtensions
{
    /// <summary><see cref="AuthOptions"/> (validated on start), the table audit log and <see cref="AccessGuard"/>.</summary>
    public static IServiceCollection AddAccess(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(descriptor => descriptor.ServiceType == typeof(AccessGuard)))
        {
            return services;
        }

        services.AddStorage(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<AuthOptions>()
            .Bind(configuration.GetSection(AuthOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        services.TryAddSingleton<IAuditLog, TableAuditLog>();
        services.AddSingleton<AccessGuard>();
        return services;
    }
}
