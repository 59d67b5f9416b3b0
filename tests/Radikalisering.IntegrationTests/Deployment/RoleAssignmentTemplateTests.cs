using System.Text.RegularExpressions;

namespace Radikalisering.IntegrationTests.Deployment;

/// <summary>The managed identity gets exactly the data roles it needs, each on the narrowest scope.</summary>
[Collection(BicepTemplateCollection.Name)]
public sealed partial class RoleAssignmentTemplateTests(BicepTemplateFixture fixture)
{
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";

    // Each allowed role and the resource type it may be scoped to; nothing broader is allowed.
    private static readonly Dictionary<string, string> AllowedScopes = new()
    {
        [StorageTableDataContributor] = "Microsoft.Storage/storageAccounts",
        [StorageQueueDataContributor] = "Microsoft.Storage/storageAccounts",
        [StorageBlobDataOwner] = "Microsoft.Storage/storageAccounts",
        [KeyVaultSecretsUser] = "Microsoft.KeyVault/vaults/secrets",
        [MonitoringMetricsPublisher] = "Microsoft.Insights/components",
    };

    private IReadOnlyList<ArmResource> RoleAssignments =>
        fixture.Template.Deployed("Microsoft.Authorization/roleAssignments");

    [Fact]
    public void Every_role_assignment_grants_an_allowed_least_privilege_role()
    {
        Assert.NotEmpty(RoleAssignments);
        Assert.All(RoleAssignments, assignment => Assert.Contains(RoleOf(assignment), AllowedScopes.Keys));
    }

    [Fact]
    public void Each_role_is_scoped_to_its_one_resource_never_to_a_resource_group_or_subscription()
    {
        Assert.All(RoleAssignments, assignment =>
        {
            var scope = assignment.Scope;
            Assert.False(scope is null, $"{assignment.Name} has no resource scope");
            Assert.Matches($@"(resourceId\('|format\(')({Regex.Escape(AllowedScopes[RoleOf(assignment)])})[/',]", scope);
        });
    }

    [Fact]
    public void Key_Vault_Secrets_User_is_granted_on_the_data_key_secret_not_the_vault()
    {
        var secretsUser = Assert.Single(RoleAssignments, assignment => RoleOf(assignment) == KeyVaultSecretsUser);

        Assert.Contains("Microsoft.KeyVault/vaults/secrets", secretsUser.Scope, StringComparison.Ordinal);
        Assert.Contains("dataKeySecretName", secretsUser.Scope, StringComparison.Ordinal);
    }

    [Fact]
    public void The_app_gets_table_queue_and_blob_access_and_may_publish_telemetry()
    {
        var roles = RoleAssignments.Select(RoleOf).ToHashSet();

        Assert.Superset(roles, AllowedScopes.Keys.ToHashSet());
    }

    [Fact]
    public void Every_role_assignment_is_for_the_service_principal_of_the_managed_identity()
    {
        Assert.All(RoleAssignments, assignment =>
        {
            Assert.Equal("ServicePrincipal", (string?)assignment.At("properties.principalType"));
            Assert.Contains("Microsoft.ManagedIdentity/userAssignedIdentities", (string?)assignment.At("properties.principalId"), StringComparison.Ordinal);
        });
    }

    private static string RoleOf(ArmResource assignment)
    {
        var roleDefinitionId = (string?)assignment.At("properties.roleDefinitionId") ?? string.Empty;
        var match = RoleDefinitionGuid().Match(roleDefinitionId);
        Assert.True(match.Success, $"{assignment.Name}: the role definition '{roleDefinitionId}' is not a literal built-in role id");
        return match.Groups[1].Value;
    }

    [GeneratedRegex(@"roleDefinitions', '([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})'\)\]$")]
    private static partial Regex RoleDefinitionGuid();
}
