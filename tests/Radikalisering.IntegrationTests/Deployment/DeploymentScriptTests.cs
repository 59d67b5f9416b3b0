using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;
using Radikalisering.Core.Access;

namespace Radikalisering.IntegrationTests.Deployment;

/// <summary>The deployment scripts and azure.yaml, run against a recording stand-in for az and azd.</summary>
public sealed partial class DeploymentScriptTests : IDisposable
{
    private readonly string stubDirectory = Directory.CreateTempSubdirectory("infra-stubs-").FullName;

    private string CallLog => Path.Combine(stubDirectory, "calls.log");

    public static TheoryData<string> Scripts() =>
        [.. Directory.GetFiles(RepositoryPaths.Infra("scripts"), "*.sh").Select(path => new FileInfo(path).Name).Order()];

    [Theory]
    [MemberData(nameof(Scripts))]
    public async Task The_script_is_valid_bash(string script)
    {
        var (exitCode, output) = await RunBashAsync(["-n", RepositoryPaths.Infra("scripts", script)], new Dictionary<string, string>());

        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public void The_app_registration_declares_every_app_role_with_its_own_fixed_id()
    {
        var script = File.ReadAllText(RepositoryPaths.Infra("scripts", "ensure-app-registration.sh"));
        var roles = typeof(AppRoles).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(field => (string)field.GetRawConstantValue()!)
            .Order();

        var declared = AppRoleDeclaration().Matches(script).Select(match => match.Groups["value"].Value).Order();
        var ids = FixedRoleId().Matches(script).Select(match => match.Groups["id"].Value).ToList();

        Assert.Equal(roles, declared);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(roles.Count(), ids.Count);
    }

    [Fact]
    public void Azure_yaml_deploys_the_functions_project_and_runs_existing_hook_scripts()
    {
        var azureYaml = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "azure.yaml"));

        var project = YamlValue("project").Match(azureYaml).Groups[1].Value;
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, project, "Radikalisering.Functions.csproj")), project);
        Assert.Equal("function", YamlValue("host").Match(azureYaml).Groups[1].Value);
        var hooks = HookScript().Matches(azureYaml).Select(match => match.Groups[1].Value).ToList();
        Assert.NotEmpty(hooks);
        Assert.All(hooks, hook => Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, hook)), hook));
    }

    [Fact]
    public async Task An_existing_data_key_is_left_alone()
    {
        var (exitCode, output) = await RunEnsureDataKeyAsync(secretExists: true);

        Assert.True(exitCode == 0, output);
        var calls = File.ReadAllText(CallLog);
        Assert.DoesNotContain("keyvault secret set", calls, StringComparison.Ordinal);
        Assert.DoesNotContain("role assignment create", calls, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_data_key_is_generated_as_256_random_bits_through_a_file_with_a_temporary_grant()
    {
        var (exitCode, output) = await RunEnsureDataKeyAsync(secretExists: false);

        Assert.True(exitCode == 0, output);
        var calls = File.ReadAllLines(CallLog);
        var write = Assert.Single(calls, call => call.StartsWith("az keyvault secret set", StringComparison.Ordinal));
        Assert.Contains("--file ", write, StringComparison.Ordinal);
        Assert.Contains("key-bytes=32", calls);
        var grant = Array.FindIndex(calls, call => call.StartsWith("az role assignment create", StringComparison.Ordinal));
        var revoke = Array.FindIndex(calls, call => call == "az role assignment delete --ids temporary-assignment --output none");
        Assert.InRange(grant, 0, Array.IndexOf(calls, write));
        Assert.True(revoke > Array.IndexOf(calls, write), "the temporary Key Vault Secrets Officer assignment is removed");
    }

    public void Dispose() => Directory.Delete(stubDirectory, recursive: true);

    private async Task<(int ExitCode, string Output)> RunEnsureDataKeyAsync(bool secretExists)
    {
        await File.WriteAllTextAsync(Path.Combine(stubDirectory, "az"), AzStub(secretExists));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path.Combine(stubDirectory, "az"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var environment = new Dictionary<string, string>
        {
            ["PATH"] = stubDirectory + ":" + Environment.GetEnvironmentVariable("PATH"),
            ["AZURE_RESOURCE_GROUP"] = "rg-test",
            ["AZURE_KEY_VAULT_NAME"] = "kv-test",
            ["DATA_KEY_SECRET_NAME"] = "concerns-data-key",
            ["STUB_LOG"] = CallLog,
        };
        return await RunBashAsync([RepositoryPaths.Infra("scripts", "ensure-data-key.sh")], environment);
    }

    // Records every call; answers the few queries ensure-data-key.sh makes; reports the size of the written key.
    private static string AzStub(bool secretExists) => $$"""
        #!/usr/bin/env bash
        echo "az $*" >> "$STUB_LOG"
        case "$*" in
          "account show"*) echo subscription-id ;;
          "resource show"*) exit {{(secretExists ? 0 : 3)}} ;;
          "keyvault show"*) echo /subscriptions/subscription-id/resourceGroups/rg-test/providers/Microsoft.KeyVault/vaults/kv-test ;;
          "ad signed-in-user show"*) echo operator-object-id ;;
          "role assignment create"*) echo temporary-assignment ;;
          "keyvault secret set"*)
            file=$(sed -n 's/.*--file \([^ ]*\).*/\1/p' <<<"$*")
            echo "key-bytes=$(base64 -d "$file" | wc -c | tr -d ' ')" >> "$STUB_LOG" ;;
        esac
        """;

    private static async Task<(int ExitCode, string Output)> RunBashAsync(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var startInfo = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }
        startInfo.Environment.Remove("AZURE_ENV_NAME");
        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }
        using var process = Process.Start(startInfo)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    [GeneratedRegex(@"""value"": ""(?<value>[A-Za-z]+\.[A-Za-z]+)""")]
    private static partial Regex AppRoleDeclaration();

    [GeneratedRegex(@"^\w+_role_id=(?<id>[0-9a-f-]{36})$", RegexOptions.Multiline)]
    private static partial Regex FixedRoleId();

    private static Regex YamlValue(string key) => new($@"^\s+{key}: (\S+)$", RegexOptions.Multiline);

    [GeneratedRegex(@"run: bash (\S+)")]
    private static partial Regex HookScript();
}
