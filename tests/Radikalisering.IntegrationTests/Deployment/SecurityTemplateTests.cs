namespace Radikalisering.IntegrationTests.Deployment;

/// <summary>The security properties of issue 5, asserted on the compiled ARM JSON.</summary>
[Collection(BicepTemplateCollection.Name)]
public sealed class SecurityTemplateTests(BicepTemplateFixture fixture)
{
    private CompiledTemplate Template => fixture.Template;

    [Fact]
    public void The_storage_account_accepts_only_Entra_ID_over_TLS_1_2_and_HTTPS_with_no_public_blobs()
    {
        var storage = Template.Single("Microsoft.Storage/storageAccounts");

        Assert.False(storage.At("properties.allowSharedKeyAccess")!.GetValue<bool>());
        Assert.True(storage.At("properties.defaultToOAuthAuthentication")!.GetValue<bool>());
        Assert.False(storage.At("properties.allowBlobPublicAccess")!.GetValue<bool>());
        Assert.Equal("TLS1_2", (string?)storage.At("properties.minimumTlsVersion"));
        Assert.True(storage.At("properties.supportsHttpsTrafficOnly")!.GetValue<bool>());
    }

    [Fact]
    public void Blob_containers_are_private()
    {
        var containers = Template.Deployed("Microsoft.Storage/storageAccounts/blobServices/containers");

        Assert.NotEmpty(containers);
        Assert.All(containers, container => Assert.Equal("None", (string?)container.At("properties.publicAccess")));
    }

    [Fact]
    public void The_key_vault_uses_RBAC_soft_delete_and_purge_protection()
    {
        var vault = Template.Single("Microsoft.KeyVault/vaults");

        Assert.True(vault.At("properties.enableRbacAuthorization")!.GetValue<bool>());
        Assert.True(vault.At("properties.enableSoftDelete")!.GetValue<bool>());
        Assert.True(vault.At("properties.enablePurgeProtection")!.GetValue<bool>());
        Assert.InRange(vault.At("properties.softDeleteRetentionInDays")!.GetValue<int>(), 7, 90);
    }

    [Fact]
    public void The_template_never_writes_a_key_vault_secret()
    {
        Assert.Empty(Template.Deployed("Microsoft.KeyVault/vaults/secrets"));
    }

    [Fact]
    public void Telemetry_accepts_only_Entra_ID_authentication()
    {
        var applicationInsights = Template.Single("Microsoft.Insights/components");
        var workspace = Template.Single("Microsoft.OperationalInsights/workspaces");

        Assert.True(applicationInsights.At("properties.DisableLocalAuth")!.GetValue<bool>());
        Assert.True(workspace.At("properties.features.disableLocalAuth")!.GetValue<bool>());
    }

    [Fact]
    public void The_function_app_is_HTTPS_only_with_TLS_1_2_and_no_FTP()
    {
        var site = Template.Single("Microsoft.Web/sites");

        Assert.True(site.At("properties.httpsOnly")!.GetValue<bool>());
        Assert.Equal("1.2", (string?)site.At("properties.siteConfig.minTlsVersion"));
        Assert.Equal("1.2", (string?)site.At("properties.siteConfig.scmMinTlsVersion"));
        Assert.Equal("Disabled", (string?)site.At("properties.siteConfig.ftpsState"));
    }

    [Fact]
    public void Basic_publishing_credentials_are_off_for_FTP_and_SCM()
    {
        var policies = Template.Deployed("Microsoft.Web/sites/basicPublishingCredentialsPolicies");

        Assert.Equal(["ftp", "scm"], policies.Select(policy => policy.LeafName).Order());
        Assert.All(policies, policy => Assert.False(policy.At("properties.allow")!.GetValue<bool>()));
    }

    [Fact]
    public void Easy_Auth_requires_an_Entra_ID_token_and_answers_401_without_one()
    {
        var authentication = Assert.Single(
            Template.Deployed("Microsoft.Web/sites/config"),
            config => config.LeafName == "authsettingsV2");

        Assert.True(authentication.At("properties.platform.enabled")!.GetValue<bool>());
        Assert.True(authentication.At("properties.globalValidation.requireAuthentication")!.GetValue<bool>());
        Assert.Equal("Return401", (string?)authentication.At("properties.globalValidation.unauthenticatedClientAction"));
        Assert.True(authentication.At("properties.httpSettings.requireHttps")!.GetValue<bool>());
        Assert.True(authentication.At("properties.identityProviders.azureActiveDirectory.enabled")!.GetValue<bool>());
        var issuer = (string)authentication.At("properties.identityProviders.azureActiveDirectory.registration.openIdIssuer")!;
        Assert.Contains("tenant().tenantId", issuer, StringComparison.Ordinal);
        Assert.Contains("/v2.0", issuer, StringComparison.Ordinal);
    }

    [Fact]
    public void The_function_app_runs_dotnet_10_isolated_on_Flex_Consumption_as_the_user_assigned_identity()
    {
        var plan = Template.Single("Microsoft.Web/serverfarms");
        var site = Template.Single("Microsoft.Web/sites");

        Assert.Equal("FC1", (string?)plan.At("sku.name"));
        Assert.True(plan.At("properties.reserved")!.GetValue<bool>());
        Assert.Equal("functionapp,linux", (string?)site.At("kind"));
        Assert.Equal("UserAssigned", (string?)site.At("identity.type"));
        Assert.Equal("dotnet-isolated", (string?)site.At("properties.functionAppConfig.runtime.name"));
        Assert.Equal("10.0", (string?)site.At("properties.functionAppConfig.runtime.version"));
        Assert.Equal("UserAssignedIdentity", (string?)site.At("properties.functionAppConfig.deployment.storage.authentication.type"));
    }
}
