using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Radikalisering.Core.Concerns;
using Radikalisering.Core.Http;
using Radikalisering.Core.Operations;
using Radikalisering.Core.Reports;
using Radikalisering.Core.Retention;
using Radikalisering.Core.Telemetry;

namespace Radikalisering.Core;

public static class RadikaliseringHostBuilderExtensions
{
    /// <summary>
    /// The app's composition root: every service the functions use, with every options class validated
    /// on start. The Functions worker's <c>Program.cs</c> and every test host call this, so what is tested
    /// is what runs.
    /// </summary>
    public static TBuilder AddRadikalisering<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        // Operations first: its audit log (table, then the tamper-evident trail) must win over the
        // plain table audit log that the concern services fall back to.
        builder.Services.AddOperations();
        builder.Services.AddConcernServices(builder.Configuration, builder.Environment);
        builder.Services.AddAnnualReport();
        builder.Services.AddRetention();
        builder.Services.TryAddSingleton<OperationTelemetry>();

        // The API's responses and problems are ASP.NET Core's results, written in the API's JSON dialect.
        builder.Services.ConfigureHttpJsonOptions(options => JsonDefaults.Apply(options.SerializerOptions));
        builder.Services.AddProblemDetails();
        return builder;
    }
}
