using Azure.Core;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Radikalisering.Core;
using Radikalisering.Core.Telemetry;
using Radikalisering.Functions.Telemetry;

namespace Radikalisering.Functions;

/// <summary>
/// The isolated worker with ASP.NET Core integration: HTTP triggers take HttpRequest and return the
/// Core handlers' results. <see cref="RadikaliseringHostBuilderExtensions.AddRadikalisering"/> validates
/// every Core options class on start, so a misconfigured app (no Key Vault outside Development, EasyAuth
/// mode without App Service Authentication, no storage) never serves a request. The startup tests build
/// this same builder.
/// </summary>
public static class RadikaliseringWorker
{
    /// <summary>Set by infra in Azure; without it (locally, in tests) nothing is exported.</summary>
    public const string ApplicationInsightsConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    public static FunctionsApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = FunctionsApplication.CreateBuilder(args);

        builder.ConfigureFunctionsWebApplication();

        // After the ASP.NET Core integration, so it runs inside it while the invocation's HttpContext lives.
        builder.UseMiddleware<OperationTelemetryMiddleware>();

        // OpenTelemetry: the worker's logs, the app's own spans and metrics (OperationTelemetry); the host
        // reports each function run itself (host.json telemetryMode). No HTTP or Azure SDK instrumentation:
        // their URLs name tables, partitions and rows.
        var telemetry = builder.Services.AddOpenTelemetry()
            .UseFunctionsWorkerDefaults()
            .WithTracing(tracing => tracing.AddSource(OperationTelemetry.Name))
            .WithMetrics(metrics => metrics.AddMeter(OperationTelemetry.Name));
        if (!string.IsNullOrEmpty(builder.Configuration[ApplicationInsightsConnectionStringSetting]))
        {
            // Application Insights has local (key) authentication disabled: the exporter authenticates with
            // the app's managed identity, the same credential the storage, Key Vault and Graph clients use.
            // Nothing is sampled away: the alerts count error logs, and a log of a dropped trace is dropped too.
            telemetry.UseAzureMonitorExporter();
            builder.Services.AddOptions<AzureMonitorExporterOptions>()
                .Configure<TokenCredential>((exporter, credential) =>
                {
                    exporter.Credential = credential;
                    exporter.TracesPerSecond = null;
                    exporter.SamplingRatio = 1.0F;
                });
        }

        builder.AddRadikalisering();
        return builder;
    }
}
