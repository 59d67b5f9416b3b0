using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Radikalisering.Core.Concerns;
using Radikalisering.Core.Reports;

namespace Radikalisering.Benchmarks;

/// <summary>The app's concern and report services on an Azurite, Development key and auth, tables unique to the caller.</summary>
internal static class BenchmarkServices
{
    public static ServiceProvider Build(string connectionString, string suffix, TableClientOptions? tableOptions = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = connectionString,
            ["Storage:ConcernsTable"] = "Concerns" + suffix,
            ["Storage:AuditLogTable"] = "AuditLog" + suffix,
            ["Storage:ReportSnapshotsTable"] = "ReportSnapshots" + suffix,
            ["KeyVault:DevelopmentKey"] = Convert.ToBase64String(new byte[32]),
            ["Auth:Mode"] = "Development",
        }).Build();
        var environment = new DevelopmentEnvironment();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<IHostEnvironment>(environment)
            .AddSingleton(new TableServiceClient(connectionString, tableOptions ?? new TableClientOptions()));
        services.AddConcernServices(configuration, environment);
        services.AddAnnualReport();
        return services.BuildServiceProvider();
    }

    public static string UniqueSuffix() => Guid.NewGuid().ToString("N")[..10];
}
