using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Radikalisering.Core.Access;
using Radikalisering.Core.Audit;
using Radikalisering.Core.Encryption;
using Radikalisering.Core.Http;
using Radikalisering.Core.Storage;
using Radikalisering.Core.Time;

namespace Radikalisering.Core.Concerns;

public static class ConcernServiceCollectionExtensions
{
    /// <summary>
    /// Everything the concern API needs: storage, encryption, access and audit (each validated on
    /// start), <see cref="ConcernEndpoints"/>, the <c>Concerns</c> table's
    /// <see cref="ConcernCreator"/>, <see cref="ConcernReader"/> (also as <see cref="IConcernReader"/>), <see cref="ConcernChanger"/> and
    /// <see cref="ConcernMaintenance"/> over the shared <see cref="ConcernRows"/>, <see cref="ReencryptConcernsJob"/>,
    /// the audit intent sweep (<see cref="AuditIntentSweep"/>) and <see cref="RecordPathWarmup"/>, both run by timer functions:
    /// no hosted background work, which would run only while an instance happens to be alive.
    /// </summary>
    public static IServiceCollection AddConcernServices(
        this IServiceCollection services,
        IConfiguration configuration,
        IHostEnvironment environment)
    {
        services.AddAzureClientDefaults(configuration);
        services.AddStorage(configuration);
        services.AddEncryption(configuration, environment);
        services.AddAccess(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<CopenhagenCalendar>();
        services.TryAddSingleton<ConcernValidator>();
        services.TryAddSingleton<ConcernRows>();
        services.TryAddSingleton<ConcernCreator>();
        services.TryAddSingleton<ConcernReader>();
        services.TryAddSingleton<IConcernReader>(provider => provider.GetRequiredService<ConcernReader>());
        services.TryAddSingleton<ConcernChanger>();
        services.TryAddSingleton<ConcernMaintenance>();
        services.TryAddSingleton<ApiFailures>();
        services.TryAddSingleton<ApiPipeline>();
        services.TryAddSingleton<AuditIntentSweep>();
        services.TryAddSingleton<RecordPathWarmup>();
        services.TryAddSingleton<ConcernEndpoints>();
        services.TryAddSingleton<ReencryptConcernsJob>();
        return services;
    }
}
