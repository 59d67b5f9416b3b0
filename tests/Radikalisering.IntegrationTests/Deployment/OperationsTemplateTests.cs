using System.Text.Json.Nodes;
using Radikalisering.Core.Operations;

namespace Radikalisering.IntegrationTests.Deployment;

/// <summary>Issue 12 on the compiled ARM: alerts, availability, the audit trail's immutability, versioned backups.</summary>
[Collection(BicepTemplateCollection.Name)]
public sealed class OperationsTemplateTests(BicepTemplateFixture fixture)
{
    private CompiledTemplate Template => fixture.Template;

    private IReadOnlyList<ArmResource> QueryRules => Template.Deployed("Microsoft.Insights/scheduledQueryRules");

    [Fact]
    public void The_action_group_mails_every_address_of_the_ops_alert_emails_parameter()
    {
        var actionGroup = Template.Single("Microsoft.Insights/actionGroups");

        Assert.True(actionGroup.At("properties.enabled")!.GetValue<bool>());
        var receivers = Assert.Single(actionGroup.At("properties.copy")!.AsArray(), loop => (string?)loop!["name"] == "emailReceivers")!;
        Assert.Contains("parameters('alertEmails')", (string)receivers["count"]!, StringComparison.Ordinal);
        Assert.Contains("parameters('alertEmails')", (string)receivers["input"]!["emailAddress"]!, StringComparison.Ordinal);
        var module = Assert.Single(Template.Deployed("Microsoft.Resources/deployments"), deployment => deployment.Properties?["parameters"]?["alertEmails"] is not null);
        Assert.Equal("[parameters('opsAlertEmails')]", (string?)module.At("properties.parameters.alertEmails.value"));
    }

    [Theory]
    [InlineData("CompileAnnualReport")]
    [InlineData("SendAnnualReport")]
    [InlineData("ReencryptConcerns")]
    [InlineData("DeleteExpiredConcerns")]
    [InlineData("ExportBackup")]
    [InlineData("CheckOperations")]
    [InlineData("CompleteAuditIntents")]
    public void A_failed_run_of_the_function_raises_an_alert_split_by_function(string function)
    {
        var rule = Assert.Single(QueryRules, rule => Query(rule).Contains("success == false", StringComparison.Ordinal));

        Assert.Contains($"\"{function}\"", Query(rule), StringComparison.Ordinal);
        Assert.Equal("operation_Name", (string?)rule.At("properties.criteria.allOf")![0]!["dimensions"]![0]!["name"]);
        AssertFiresOnAnyRowToTheActionGroup(rule);
    }

    [Theory]
    [InlineData(OperationsSignals.AnnualReportOverdue)]
    [InlineData(OperationsSignals.PoisonMessagesWaiting)]
    [InlineData(OperationsSignals.AuditTrailAppendFailed)]
    [InlineData(OperationsSignals.AuditIntentsStale)]
    public void Each_signal_the_app_logs_has_an_alert_on_its_stable_name(string signal)
    {
        var signalLoop = Assert.Single(QueryRules, rule => Query(rule).Contains("customDimensions.Signal", StringComparison.Ordinal));
        var signals = signalLoop.Template["variables"]!["signalRules"]!.AsArray().Select(rule => (string)rule!["signal"]!);

        Assert.Contains(signal, signals);
        Assert.Equal("signalAlerts", (string?)signalLoop.Definition["copy"]?["name"]);
        AssertFiresOnAnyRowToTheActionGroup(signalLoop);
    }

    [Fact]
    public void An_API_5xx_rate_raises_an_alert()
    {
        var rule = Assert.Single(QueryRules, rule => Query(rule).Contains("resultCode", StringComparison.Ordinal));

        Assert.Contains(">= 500", Query(rule), StringComparison.Ordinal);
        AssertFiresOnAnyRowToTheActionGroup(rule);
    }

    [Theory]
    [InlineData("Microsoft.Storage/storageAccounts", "Transactions", "AuthorizationError")]
    [InlineData("Microsoft.KeyVault/vaults", "ServiceApiResult", "403")]
    public void Access_failures_above_a_small_threshold_raise_an_alert(string resourceType, string metric, string failure)
    {
        var alert = Assert.Single(
            Template.Deployed("Microsoft.Insights/metricAlerts"),
            alert => (string?)alert.At("properties.criteria.allOf")?[0]?["metricNamespace"] == resourceType);
        var criterion = alert.At("properties.criteria.allOf")![0]!;

        Assert.Equal(metric, (string?)criterion["metricName"]);
        Assert.Contains(failure, criterion["dimensions"]![0]!["values"]!.AsArray().Select(value => (string)value!));
        Assert.InRange(criterion["threshold"]!.GetValue<int>(), 1, 10);
        Assert.Contains(resourceType, (string)alert.At("properties.scopes")![0]!, StringComparison.Ordinal);
        Assert.Contains("Microsoft.Insights/actionGroups", (string)alert.At("properties.actions")![0]!["actionGroupId"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void A_standard_availability_test_calls_the_health_route_and_alerts_when_it_fails()
    {
        var test = Template.Single("Microsoft.Insights/webtests");
        var alert = Assert.Single(
            Template.Deployed("Microsoft.Insights/metricAlerts"),
            alert => (string?)alert.At("properties.criteria")?["odata.type"] == "Microsoft.Azure.Monitor.WebtestLocationAvailabilityCriteria");

        Assert.Equal("standard", (string?)test.At("kind"));
        Assert.Equal("GET", (string?)test.At("properties.Request.HttpVerb"));
        Assert.EndsWith("/api/health', parameters('functionAppHostName'))]", (string)test.At("properties.Request.RequestUrl")!, StringComparison.Ordinal);
        Assert.Equal(200, test.At("properties.ValidationRules.ExpectedHttpStatusCode")!.GetValue<int>());
        Assert.True(test.At("properties.Locations")!.AsArray().Count >= 5);
        Assert.Contains("hidden-link:", (string)test.At("tags")!, StringComparison.Ordinal);
        Assert.Contains("Microsoft.Insights/webtests", (string)alert.At("properties.criteria.webTestId")!, StringComparison.Ordinal);
    }

    [Fact]
    public void Easy_Auth_leaves_only_the_health_route_anonymous()
    {
        var authentication = Assert.Single(Template.Deployed("Microsoft.Web/sites/config"), config => config.LeafName == "authsettingsV2");

        Assert.Equal(["/api/health"], authentication.At("properties.globalValidation.excludedPaths")!.AsArray().Select(path => (string)path!));
        Assert.True(authentication.At("properties.globalValidation.requireAuthentication")!.GetValue<bool>());
    }

    [Fact]
    public void The_audit_trail_container_allows_only_protected_appends_for_longer_than_concerns_are_kept()
    {
        var policy = Template.Single("Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies");

        Assert.Contains("parameters('auditTrailContainerName')", policy.Name, StringComparison.Ordinal);
        Assert.True(policy.At("properties.allowProtectedAppendWrites")!.GetValue<bool>());
        Assert.Null(policy.At("properties.allowProtectedAppendWritesAll"));
        // (retention years + 2) * 366 days: the year received, the report's January, then the retention years.
        Assert.Equal("[mul(add(parameters('retentionYearsAfterReport'), 2), 366)]", (string?)policy.At("properties.immutabilityPeriodSinceCreationInDays"));
        var storageModule = Assert.Single(Template.Deployed("Microsoft.Resources/deployments"), deployment => deployment.Properties?["parameters"]?["auditTrailContainerName"] is not null && deployment.Properties?["parameters"]?["backupRetentionDays"] is not null);
        Assert.Equal("[parameters('retentionYearsAfterReport')]", (string?)storageModule.At("properties.parameters.retentionYearsAfterReport.value"));
    }

    [Fact]
    public void Blobs_are_versioned_and_soft_deleted_and_old_backup_runs_expire()
    {
        var blobService = Template.Single("Microsoft.Storage/storageAccounts/blobServices");
        var lifecycle = Template.Single("Microsoft.Storage/storageAccounts/managementPolicies");

        Assert.True(blobService.At("properties.isVersioningEnabled")!.GetValue<bool>());
        Assert.True(blobService.At("properties.deleteRetentionPolicy.enabled")!.GetValue<bool>());
        Assert.True(blobService.At("properties.containerDeleteRetentionPolicy.enabled")!.GetValue<bool>());
        var rules = lifecycle.At("properties.policy.rules")!.AsArray().Select(rule => (string)rule!["name"]!);
        Assert.Equal(["expire-backup-runs", "expire-old-versions"], rules.Order());
    }

    [Theory]
    [InlineData("Storage__BlobServiceUri")]
    [InlineData("Storage__AuditTrailContainer")]
    [InlineData("Storage__BackupContainer")]
    public void The_function_app_is_told_where_the_audit_trail_and_the_backups_are(string key)
    {
        var site = Template.Single("Microsoft.Web/sites");

        Assert.Contains($"'name', '{key}'", site.At("properties.siteConfig.appSettings")!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static string Query(ArmResource rule) => (string?)rule.At("properties.criteria.allOf")?[0]?["query"] ?? "";

    private static void AssertFiresOnAnyRowToTheActionGroup(ArmResource rule)
    {
        var criterion = rule.At("properties.criteria.allOf")![0]!;
        Assert.Equal("GreaterThan", (string?)criterion["operator"]);
        Assert.Equal(0, criterion["threshold"]!.GetValue<int>());
        Assert.True(rule.At("properties.enabled")!.GetValue<bool>());
        Assert.Contains("applicationInsightsName", (string)rule.At("properties.scopes")![0]!, StringComparison.Ordinal);
        var actionGroups = rule.At("properties.actions.actionGroups")!.AsArray();
        Assert.Contains("Microsoft.Insights/actionGroups", (string)actionGroups.Single()!, StringComparison.Ordinal);
    }
}
