using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Radikalisering.EndToEndTests.Hosting;
using Radikalisering.Functions;

namespace Radikalisering.EndToEndTests.Startup;

/// <summary>
/// The worker's own host builder (<see cref="RadikaliseringWorker.CreateBuilder"/>, what Program.cs runs)
/// with production settings: every registration resolves (ValidateOnBuild, ValidateScopes), every
/// function class can be built (a static one needs no instance), and a setting that would weaken the app stops the start (docs/design.md: Encryption, Access, Configuration).
/// </summary>
public sealed class WorkerStartupTests
{
    [Fact]
    public void With_production_settings_every_service_and_function_class_resolves()
    {
        using var host = Build();

        host.Services.GetRequiredService<IStartupValidator>().Validate();
        using var scope = host.Services.CreateScope();
        var functionClasses = typeof(RadikaliseringWorker).Assembly.GetTypes()
            .Where(type => type.GetMethods().Any(method => method.GetCustomAttribute<FunctionAttribute>() is not null))
            .ToArray();
        Assert.Equal(10, functionClasses.Length);
        Assert.All(functionClasses.Where(type => !type.IsAbstract), type => Assert.NotNull(ActivatorUtilities.CreateInstance(scope.ServiceProvider, type)));
    }

    [Theory]
    [InlineData("KeyVault:VaultUri", null, "KeyVault:VaultUri is required")]
    [InlineData("KeyVault:DevelopmentKey", "ZGV2ZWxvcG1lbnQta2V5LW9ubHktZm9yLXRlc3RzISE=", "DevelopmentKey must not be set")]
    [InlineData("WEBSITE_AUTH_ENABLED", null, "App Service Authentication is not enabled")]
    [InlineData("Auth:Mode", "Development", "refused in the 'Production' environment")]
    [InlineData("Storage:ConnectionString", null, "Set either Storage:ConnectionString")]
    [InlineData("Report:DeliveryMode", "Outbox", "Development only")]
    public void A_weakening_setting_stops_the_start(string key, string? value, string reason)
    {
        using var host = Build((key, value));

        var exception = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(reason, exception.Message, StringComparison.Ordinal);
    }

    /// <summary>The worker's production-like builder, every registration checked as it is built.</summary>
    private static IHost Build(params (string Key, string? Value)[] changes)
    {
        var builder = ProductionWorker.CreateBuilder(changes);
        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
        var host = builder.Build();
        Assert.Equal(Environments.Production, host.Services.GetRequiredService<IHostEnvironment>().EnvironmentName);
        return host;
    }
}
