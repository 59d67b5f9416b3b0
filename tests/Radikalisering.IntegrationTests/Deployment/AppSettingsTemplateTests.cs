using System.Text.RegularExpressions;

namespace Radikalisering.IntegrationTests.Deployment;

/// <summary>The Function App's settings cover every configuration key of the app, identity based.</summary>
[Collection(BicepTemplateCollection.Name)]
public sealed partial class AppSettingsTemplateTests(BicepTemplateFixture fixture)
{
    // COMMON.md's configuration keys as environment variables (":" becomes "__"), for Azure.
    public static TheoryData<string> ConfigurationKeys() =>
    [
        "Storage__TableServiceUri",
        "Storage__QueueServiceUri",
        "KeyVault__VaultUri",
        "KeyVault__DataKeySecretName",
        "Auth__Mode",
        "Disclosure__Threshold",
        "Report__SenderMailbox",
        "Report__Recipients__{0}",
        "Report__DeliveryMode",
        "Retention__YearsAfterReport",
        "AZURE_CLIENT_ID",
    ];

    // The Functions host's own storage by managed identity, and telemetry with Entra ID.
    public static TheoryData<string> PlatformKeys() =>
    [
        "AzureWebJobsStorage__accountName",
        "AzureWebJobsStorage__blobServiceUri",
        "AzureWebJobsStorage__queueServiceUri",
        "AzureWebJobsStorage__tableServiceUri",
        "AzureWebJobsStorage__credential",
        "AzureWebJobsStorage__clientId",
        "APPLICATIONINSIGHTS_CONNECTION_STRING",
        "APPLICATIONINSIGHTS_AUTHENTICATION_STRING",
    ];

    [Theory]
    [MemberData(nameof(ConfigurationKeys))]
    [MemberData(nameof(PlatformKeys))]
    public void The_function_app_sets(string key)
    {
        Assert.Contains(key, Settings().Keys);
    }

    [Theory]
    [InlineData("Auth__Mode", "'EasyAuth'")]
    [InlineData("Report__DeliveryMode", "'Graph'")]
    [InlineData("AzureWebJobsStorage__credential", "'managedidentity'")]
    [InlineData("KeyVault__DataKeySecretName", "parameters('dataKeySecretName')")]
    public void The_setting_has_the_value_for_Azure(string key, string value)
    {
        Assert.Equal(value, Settings()[key]);
    }

    [Fact]
    public void No_setting_holds_a_storage_key_or_a_connection_string_other_than_telemetry()
    {
        var settings = Settings();

        Assert.DoesNotContain("AzureWebJobsStorage", settings.Keys);
        Assert.DoesNotContain(settings.Keys, key => key.Contains("ConnectionString", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(settings.Values, value => value.Contains("AccountKey", StringComparison.OrdinalIgnoreCase) || value.Contains("listKeys", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Flex_Consumption_takes_the_runtime_from_functionAppConfig_not_from_settings()
    {
        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", Settings().Keys);
        Assert.DoesNotContain("FUNCTIONS_EXTENSION_VERSION", Settings().Keys);
    }

    // The settings are an ARM expression (a concat of literal name/value pairs and the copy
    // loop over the report recipients); the names are literals inside it.
    private Dictionary<string, string> Settings()
    {
        var site = fixture.Template.Single("Microsoft.Web/sites");
        var expression = site.At("properties.siteConfig.appSettings")!.GetValue<string>();
        var settings = LiteralSetting().Matches(expression)
            .ToDictionary(match => match.Groups["name"].Value, match => match.Groups["value"].Value);
        foreach (var variable in ReferencedVariable().Matches(expression).Select(match => match.Groups[1].Value))
        {
            foreach (var loop in site.Template["variables"]?["copy"]?.AsArray() ?? [])
            {
                if ((string?)loop!["name"] == variable)
                {
                    var name = FormattedName().Match((string)loop["input"]!["name"]!).Groups[1].Value;
                    settings[name] = (string)loop["input"]!["value"]!;
                }
            }
        }
        return settings;
    }

    [GeneratedRegex(@"createObject\('name', '(?<name>[^']+)', 'value', (?<value>'[^']*'|[a-zA-Z]+\([^()]*(\([^()]*\))?[^()]*\)(\.[\w.]+)?)")]
    private static partial Regex LiteralSetting();

    [GeneratedRegex(@"variables\('(\w+)'\)")]
    private static partial Regex ReferencedVariable();

    [GeneratedRegex(@"^\[format\('([^']+)'")]
    private static partial Regex FormattedName();
}
