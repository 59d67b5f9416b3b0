using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Radikalisering.Core.Retention;

public static class RetentionServiceCollectionExtensions
{
    /// <summary>
    /// The retention job that deletes concern years past their retention period, with the <c>Retention</c>
    /// options bound and validated on start. Needs the concern services and the backups' retention.
    /// </summary>
    public static IServiceCollection AddRetention(this IServiceCollection services)
    {
        services.AddOptions<RetentionOptions>()
            .BindConfiguration(RetentionOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<RetentionJob>();
        return services;
    }
}
