using Azure.Core;
using Microsoft.ApplicationInsights.Extensibility;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Radikalisering.Core.Concerns;
using Radikalisering.Core.Operations;
using Radikalisering.Core.Reports;

// The isolated worker with ASP.NET Core integration: HTTP triggers take HttpRequest and return the
// Core handlers' results. Every Core options class is validated on start, so a misconfigured app (no
// Key Vault outside Development, EasyAuth mode without App Service Authentication, no storage) never
// serves a request.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();

builder.Services
    .AddApplicationInsightsTelemetryWorkerService()
    .ConfigureFunctionsApplicationInsights();

builder.Services.AddConcernServices(builder.Configuration, builder.Environment);
builder.Services.AddAnnualReport();
builder.Services.AddOperations();

// Application Insights has local (key) authentication disabled: the worker's telemetry is sent with
// the app's managed identity, the same credential the storage, Key Vault and Graph clients use.
builder.Services.AddOptions<TelemetryConfiguration>()
    .Configure<TokenCredential>((telemetry, credential) => telemetry.SetAzureTokenCredential(credential));

builder.Build().Run();
