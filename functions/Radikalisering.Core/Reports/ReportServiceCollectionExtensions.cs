using Azure.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Radikalisering.Core.Access;
using Radikalisering.Core.Mail;
using Radikalisering.Core.Retention;
using Radikalisering.Core.Statistics;
using Radikalisering.Disclosure;

namespace Radikalisering.Core.Reports;

public static class ReportServiceCollectionExtensions
{
    /// <summary>
    /// The annual statistics, report, mail and retention services, with the <c>Disclosure</c>,
    /// <c>Report</c> and <c>Retention</c> options validated on start. Call after
    /// <c>AddConcernServices</c>, which provides the <see cref="Concerns.IConcernReader"/>.
    /// In Development the report goes to the outbox unless <c>Report:DeliveryMode</c> says otherwise;
    /// elsewhere the outbox is refused.
    /// </summary>
    public static IServiceCollection AddAnnualReport(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        services.AddAccess(configuration);
        services.TryAddSingleton(TimeProvider.System);

        services.AddOptions<DisclosureOptions>()
            .Bind(configuration.GetSection(DisclosureOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<ReportOptions>()
            .Configure(options => options.DeliveryMode = environment.IsDevelopment() ? ReportDeliveryMode.Outbox : ReportDeliveryMode.Graph)
            .Bind(configuration.GetSection(ReportOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(
                options => options.DeliveryMode != ReportDeliveryMode.Outbox || environment.IsDevelopment(),
                "Report:DeliveryMode=Outbox is for Development only; in Azure the report is sent with Microsoft Graph.")
            .ValidateOnStart();
        services.AddOptions<RetentionOptions>()
            .Bind(configuration.GetSection(RetentionOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddSingleton<DisclosureEngine>();
        services.TryAddSingleton<ReportSnapshotStore>();
        services.TryAddSingleton<AnnualStatisticsCompiler>();
        services.TryAddSingleton<ReportReadyMessages>();
        services.TryAddSingleton<ReportSender>();
        services.TryAddSingleton<AnnualReportSchedule>();
        services.TryAddSingleton<ReportReadyHandler>();
        services.TryAddSingleton<ReportEndpoints>();
        services.TryAddSingleton<ConcernPartitionDeleter>();
        services.TryAddSingleton<RetentionJob>();

        services.TryAddSingleton(provider => ReportGraphClientFactory.Create(provider.GetRequiredService<TokenCredential>()));
        services.TryAddSingleton<IReportMailer>(provider =>
            provider.GetRequiredService<IOptions<ReportOptions>>().Value.DeliveryMode == ReportDeliveryMode.Outbox
                ? ActivatorUtilities.CreateInstance<OutboxReportMailer>(provider)
                : ActivatorUtilities.CreateInstance<GraphReportMailer>(provider, provider.GetRequiredService<GraphServiceClient>()));
        return services;
    }
}
