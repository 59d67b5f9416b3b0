using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Radikalisering.Core.Concerns;
using Radikalisering.Core.Reports;

// The isolated worker with ASP.NET Core integration: triggers take HttpRequest and return IResult.
// Every Core options class is validated on start, so a misconfigured app (no Key Vault outside
// Development, EasyAuth mode without App Service Authentication, no storage) never serves a request.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();

builder.Services
    .AddApplicationInsightsTelemetryWorkerService()
    .ConfigureFunctionsApplicationInsights();

builder.Services.AddConcernServices(builder.Configuration, builder.Environment);
builder.Services.AddAnnualReport();

builder.Build().Run();
