using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Radikalisering.Core.AuditTrail;
using Radikalisering.Core.Backup;
using Radikalisering.Core.Health;
using Radikalisering.Core.Storage;
using Radikalisering.IntegrationTests.Fixtures.Azurite;

namespace Radikalisering.IntegrationTests.Fixtures.Http;

/// <summary>
/// The report test host plus the health, audit trail and backup routes as the Functions triggers map them, and the
/// host's log entries captured (<see cref="Logs"/>) as the worker's telemetry would send them.
/// </summary>
public static class OperationsTestHost
{
    public const string AdminId = "0b7a5c1e-0000-4000-8000-00000000ad41";

    public static Task<ApiTestHost> StartAsync(AzuriteFixture azurite, Action<ApiTestHostOptions>? configure = null) =>
        ReportTestHost.StartAsync(azurite, options =>
        {
            options.AddServices(services => services
                .AddSingleton<CapturedLogs>()
                .AddSingleton<ILoggerProvider>(provider => provider.GetRequiredService<CapturedLogs>()));
            options.AddEndpoints(endpoints => endpoints
                .MapFunction("Health", context => Get<HealthEndpoint>(context).GetAsync(context.RequestAborted))
                .MapFunction("VerifyAuditTrail", context => Get<AuditTrailEndpoints>(context).VerifyAsync(context, context.RequestAborted))
                .MapFunction("ListBackups", context => Get<BackupEndpoints>(context).ListAsync(context, context.RequestAborted))
                .MapFunction("RestoreBackup", context => Get<BackupEndpoints>(context).RestoreAsync(context, (string)context.Request.RouteValues["run"]!, context.RequestAborted)));
            configure?.Invoke(options);
        });

    private static T Get<T>(HttpContext context) where T : notnull => context.RequestServices.GetRequiredService<T>();

    /// <summary>Every log entry the host wrote, with its level and structured properties.</summary>
    public static CapturedLogs Logs(this ApiTestHost host) => host.Get<CapturedLogs>();

    public static string Setting(this ApiTestHost host, string name) => host.Settings[$"{StorageOptions.SectionName}:{name}"]!;
}
