using Azure.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Radikalisering.Core.Audit;
using Radikalisering.Core.Http;
using Radikalisering.Core.Mail;
using Radikalisering.Core.Statistics;
using Radikalisering.Disclosure;

namespace Radikalisering.Core.Reports;

public static class ReportServiceCollectionExtensions
{
    /// <summary>
    /// The annual statistics, report and mail services, with the <c>Disclosure</c>
    /// and <c>Report</c> options bound from the app's configuration and validated
    /// on start. Needs the services of <c>AddConcernServices</c> (storage, access, audit and the
    /// <see cref="Concerns.IConcernReader"/>); the order of the two calls does not matter.
    /// In Development the report goes to the outbox unless <c>Report:DeliveryMode</c> says otherwise;
    /// elsewhere the outbox is refused.
    /// </summary>
    public static IServiceCollection AddAnnualReport(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);

        services.AddOptions<DisclosureOptions>()
            .BindConfiguration(DisclosureOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<ReportOptions>()
            .Configure<IHostEnvironment>((options, environment) =>
                options.DeliveryMode = environment.IsDevelopment() ? ReportDeliveryMode.Outbox : ReportDeliveryMode.Graph)
            .BindConfiguration(ReportOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate<IHostEnvironment>(
                (options, environment) => options.DeliveryMode != ReportDeliveryMode.Outbox || environment.IsDevelopment(),
                "Report:DeliveryMode=Outbox is for Development only; in Azure the report is sent with Microsoft Graph.")
            .ValidateOnStart();

        services.TryAddSingleton<DisclosureEngine>();
        services.TryAddSingleton<ReportSnapshotStore>();
        services.TryAddSingleton<PooledStatisticsCompiler>();
        services.TryAddSingleton<AnnualStatisticsCompiler>();
        services.TryAddSingleton<ReportReadyMessages>();
        services.TryAddSingleton<TableAuditLog>();
        services.TryAddSingleton<ReportSender>();
        services.TryAddSingleton<CompileAnnualReportJob>();
        services.TryAddSingleton<ReportReadyHandler>();
        services.TryAddSingleton<ApiFailures>();
        services.TryAddSingleton<ApiPipeline>();
        services.TryAddSingleton<ReportEndpoints>();

        services.TryAddSingleton(provider => ReportGraphClientFactory.Create(provider.GetRequiredService<TokenCredential>()));
        services.TryAddSingleton<IReportMailer>(provider =>
            provider.GetRequiredService<IOptions<ReportOptions>>().Value.DeliveryMode == ReportDeliveryMode.Outbox
                ? ActivatorUtilities.CreateInstance<OutboxReportMailer>(provider)
                : ActivatorUtilities.CreateInstance<GraphReportMailer>(provider, provider.GetRequiredService<GraphServiceClient>()));
        return services;
    }
}
