using Azure.Core;
using Microsoft.ApplicationInsights.Extensibility;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Radikalisering.Core;

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
    public static FunctionsApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = FunctionsApplication.CreateBuilder(args);
        builder.ConfigureFunctionsWebApplication();

        builder.Services
            .AddApplicationInsightsTelemetryWorkerService()
            .ConfigureFunctionsApplicationInsights();

        // Application Insights has local (key) authentication disabled: the worker's telemetry is sent with
        // the app's managed identity, the same credential the storage, Key Vault and Graph clients use.
        builder.Services.AddOptions<TelemetryConfiguration>()
            .Configure<TokenCredential>((telemetry, credential) => telemetry.SetAzureTokenCredential(credential));

        builder.AddRadikalisering();
        return builder;
    }
}
