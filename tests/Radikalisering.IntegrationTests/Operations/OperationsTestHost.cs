using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Radikalisering.Core.AuditTrail;
using Radikalisering.Core.Backup;
using Radikalisering.Core.Health;
using Radikalisering.Core.Storage;
using Radikalisering.IntegrationTests.Infrastructure.Azurite;
using Radikalisering.TestSupport.Azurite;
using Radikalisering.IntegrationTests.Infrastructure.Http;
using Radikalisering.IntegrationTests.Reports;

namespace Radikalisering.IntegrationTests.Operations;

/// <summary>
/// The report test host plus the health, audit trail and backup routes as the Functions triggers map them.
/// </summary>
public static class OperationsTestHost
{
    public const string AdminId = "0b7a5c1e-0000-4000-8000-00000000ad41";

    public static Task<ApiTestHost> StartAsync(AzuriteFixture azurite, GraphRecorder graph, Action<ApiTestHostOptions>? configure = null) =>
        ReportTestHost.StartAsync(azurite, graph, options =>
        {
            var reportRoutes = options.MapEndpoints;
            options.MapEndpoints = endpoints =>
            {
                reportRoutes?.Invoke(endpoints);
                endpoints.MapGet(ApiRoutes.ApiPrefix + HealthEndpoint.Route, (HttpContext context, CancellationToken cancellationToken) =>
                    context.RequestServices.GetRequiredService<HealthEndpoint>().GetAsync(cancellationToken));
                endpoints.MapGet(ApiRoutes.ApiPrefix + AuditTrailEndpoints.Route, (HttpContext context, CancellationToken cancellationToken) =>
                    context.RequestServices.GetRequiredService<AuditTrailEndpoints>().VerifyAsync(context, cancellationToken));
                endpoints.MapGet(ApiRoutes.ApiPrefix + BackupEndpoints.ListRoute, (HttpContext context, CancellationToken cancellationToken) =>
                    context.RequestServices.GetRequiredService<BackupEndpoints>().ListAsync(context, cancellationToken));
                endpoints.MapPost(ApiRoutes.ApiPrefix + BackupEndpoints.RestoreRoute, (HttpContext context, string run, CancellationToken cancellationToken) =>
                    context.RequestServices.GetRequiredService<BackupEndpoints>().RestoreAsync(context, run, cancellationToken));
            };
            configure?.Invoke(options);
        });

    public static string Setting(this ApiTestHost host, string name) => host.Settings[$"{StorageOptions.SectionName}:{name}"]!;
}
