using System.Text.Json;
using System.Text.Json.Nodes;

namespace Radikalisering.IntegrationTests.Deployment;

[Collection(BicepTemplateCollection.Name)]
public sealed class BicepBuildTests(BicepTemplateFixture fixture)
{
    [Fact]
    public void Main_bicep_builds_without_warnings()
    {
        Assert.True(fixture.Build.IsClean, fixture.Build.Describe());
    }

    [Fact]
    public void Main_bicep_passes_the_linter_with_every_rule_as_an_error()
    {
        Assert.True(fixture.Lint.IsClean, fixture.Lint.Describe());
    }

    [Fact]
    public void The_linter_configuration_makes_every_rule_an_error_except_the_date_dependent_one()
    {
        var configuration = JsonNode.Parse(
            File.ReadAllText(RepositoryPaths.Infra("bicepconfig.json")),
            documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!;
        var rules = configuration["analyzers"]!["core"]!["rules"]!.AsObject();

        Assert.True(rules.Count > 30, "every linter rule is configured");
        Assert.All(rules, rule => Assert.Equal(rule.Key == "use-recent-api-versions" ? "off" : "error", (string?)rule.Value!["level"]));
    }

    [Fact]
    public async Task The_azd_parameters_file_reads_the_environment_and_splits_the_recipients()
    {
        var environment = new Dictionary<string, string>
        {
            ["AZURE_ENV_NAME"] = "test",
            ["AZURE_LOCATION"] = "swedencentral",
            ["AUTH_CLIENT_ID"] = "11111111-2222-3333-4444-555555555555",
            ["REPORT_SENDER_MAILBOX"] = "tk@kommune.dk",
            ["REPORT_RECIPIENTS"] = "direktor@kommune.dk, chef@kommune.dk",
            ["DATA_KEY_SECRET_EXISTS"] = "true",
            ["OPS_ALERT_EMAILS"] = "drift@kommune.dk,vagt@kommune.dk ",
        };

        var run = await BicepCli.RunAsync(["build-params", RepositoryPaths.Infra("main.bicepparam"), "--stdout"], environment);

        Assert.True(run.IsClean, run.Describe());
        var parameters = JsonNode.Parse((string)JsonNode.Parse(run.StandardOutput)!["parametersJson"]!)!["parameters"]!;
        Assert.Equal(["direktor@kommune.dk", "chef@kommune.dk"], parameters["reportRecipients"]!["value"]!.AsArray().Select(node => (string)node!));
        Assert.Equal(["drift@kommune.dk", "vagt@kommune.dk"], parameters["opsAlertEmails"]!["value"]!.AsArray().Select(node => (string)node!));
        Assert.True((bool)parameters["dataKeySecretExists"]!["value"]!);
        Assert.Equal(5, (int)parameters["disclosureThreshold"]!["value"]!);
    }
}
