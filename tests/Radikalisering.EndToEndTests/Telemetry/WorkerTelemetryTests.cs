using Azure.Core;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Radikalisering.EndToEndTests.Hosting;
using Radikalisering.Functions;

namespace Radikalisering.EndToEndTests.Telemetry;

/// <summary>The worker's OpenTelemetry setup, from its own builder (what Program.cs runs).</summary>
public sealed class WorkerTelemetryTests
{
    [Fact]
    public void The_exporter_authenticates_with_the_credential_every_Azure_client_uses()
    {
        using var host = Build();

        var exporter = host.Services.GetRequiredService<IOptionsMonitor<AzureMonitorExporterOptions>>().CurrentValue;

        Assert.NotNull(exporter.Credential);
        Assert.Same(host.Services.GetRequiredService<TokenCredential>(), exporter.Credential);
    }

    [Fact]
    public void The_exporter_samples_nothing_away_so_every_signal_log_reaches_the_alerts()
    {
        using var host = Build();

        var exporter = host.Services.GetRequiredService<IOptionsMonitor<AzureMonitorExporterOptions>>().CurrentValue;

        Assert.Null(exporter.TracesPerSecond);
        Assert.Equal(1.0F, exporter.SamplingRatio);
    }

    private static IHost Build() =>
        ProductionWorker.CreateBuilder(
            (RadikaliseringWorker.ApplicationInsightsConnectionStringSetting, "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://127.0.0.1/"))
        .Build();
}
