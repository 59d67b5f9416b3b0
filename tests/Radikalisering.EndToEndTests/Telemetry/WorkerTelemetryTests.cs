using Azure.Core;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Radikalisering.Functions;

namespace Radikalisering.EndToEndTests.Telemetry;

/// <summary>The worker's OpenTelemetry setup, from its own builder (what Program.cs runs).</summary>
public sealed class WorkerTelemetryTests
{
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Storage:ConnectionString"] = "UseDevelopmentStorage=true",
        ["KeyVault:VaultUri"] = "https://kv-test.vault.azure.net/",
        ["Auth:Mode"] = "EasyAuth",
        ["WEBSITE_AUTH_ENABLED"] = "True",
        ["Report:SenderMailbox"] = "tk-statistik@kommune.example",
        ["Report:Recipients:0"] = "ledelse@kommune.example",
        [RadikaliseringWorker.ApplicationInsightsConnectionStringSetting] =
            "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://127.0.0.1/",
    };

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

    private static IHost Build()
    {
        string[] args = ["--environment", Environments.Production, .. Settings.Select(setting => $"--{setting.Key}={setting.Value}")];
        return RadikaliseringWorker.CreateBuilder(args).Build();
    }
}
