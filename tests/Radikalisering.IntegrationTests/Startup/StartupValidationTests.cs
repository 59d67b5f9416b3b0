using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Radikalisering.Core.Concerns;

namespace Radikalisering.IntegrationTests.Startup;

/// <summary>The app refuses to start on settings that would weaken it (DESIGN.md §5, §6, §10).</summary>
public sealed class StartupValidationTests
{
    private static readonly Dictionary<string, string?> ProductionLike = new()
    {
        ["Storage:ConnectionString"] = "UseDevelopmentStorage=true",
        ["KeyVault:VaultUri"] = "https://kv-test.vault.azure.net/",
        ["Auth:Mode"] = "EasyAuth",
        ["WEBSITE_AUTH_ENABLED"] = "True",
    };

    [Fact]
    public async Task Production_settings_start()
    {
        await using var app = Build("Production", ProductionLike);

        await app.StartAsync();
        await app.StopAsync();
    }

    [Theory]
    [InlineData("KeyVault:VaultUri", null, "KeyVault:VaultUri is required")]
    [InlineData("KeyVault:DevelopmentKey", "ZGV2ZWxvcG1lbnQta2V5LW9ubHktZm9yLXRlc3RzISE=", "DevelopmentKey must not be set")]
    [InlineData("WEBSITE_AUTH_ENABLED", null, "App Service Authentication is not enabled")]
    [InlineData("Auth:Mode", "Development", "refused in the 'Production' environment")]
    [InlineData("Storage:ConnectionString", null, "Set either Storage:ConnectionString")]
    public async Task Outside_Development_a_weakening_setting_stops_the_start(string key, string? value, string reason)
    {
        var settings = new Dictionary<string, string?>(ProductionLike) { [key] = value };
        await using var app = Build("Production", settings);

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(reason, exception.Message, StringComparison.Ordinal);
    }

    private static WebApplication Build(string environment, Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddConcernServices(builder.Configuration, builder.Environment);
        return builder.Build();
    }
}
