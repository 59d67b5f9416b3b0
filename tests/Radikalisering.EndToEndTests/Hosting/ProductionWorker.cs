using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Radikalisering.Functions;

namespace Radikalisering.EndToEndTests.Hosting;

/// <summary>
/// The worker's own builder (<see cref="RadikaliseringWorker.CreateBuilder"/>, what Program.cs runs) in the
/// Production environment with the settings a deployment gives it, on the command line as the Functions host gives none.
/// </summary>
internal static class ProductionWorker
{
    private static readonly Dictionary<string, string?> ProductionLike = new()
    {
        ["Storage:ConnectionString"] = "UseDevelopmentStorage=true",
        ["KeyVault:VaultUri"] = "https://kv-test.vault.azure.net/",
        ["Auth:Mode"] = "EasyAuth",
        ["WEBSITE_AUTH_ENABLED"] = "True",
        ["Report:SenderMailbox"] = "tk-statistik@kommune.example",
        ["Report:Recipients:0"] = "ledelse@kommune.example",
    };

    /// <summary>The builder with the production-like settings, each of <paramref name="changes"/> set over them (a null value leaves the setting out).</summary>
    public static FunctionsApplicationBuilder CreateBuilder(params (string Key, string? Value)[] changes)
    {
        var settings = new Dictionary<string, string?>(ProductionLike);
        foreach (var (key, value) in changes)
        {
            settings[key] = value;
        }

        string[] args = ["--environment", Environments.Production, .. settings.Where(setting => setting.Value is not null).Select(setting => $"--{setting.Key}={setting.Value}")];
        return RadikaliseringWorker.CreateBuilder(args);
    }
}
