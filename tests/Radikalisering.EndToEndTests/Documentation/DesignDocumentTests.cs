using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Radikalisering.Core.Access;
using Radikalisering.Core.Audit;
using Radikalisering.Core.Storage;
using Radikalisering.EndToEndTests.Hosting;
using Radikalisering.EndToEndTests.Routes;
using Radikalisering.WorkerHost.Functions;

namespace Radikalisering.EndToEndTests.Documentation;

/// <summary>
/// docs/design.md is the contract: every route, function, storage name, setting, role and audit action it names is
/// the built app's, and the app has none it leaves out. Rows are read from the document's tables, so a row added in
/// the same shape is checked too.
/// </summary>
public sealed partial class DesignDocumentTests
{
    private static readonly string Design = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "design.md"));

    [Fact]
    public void The_route_tables_list_exactly_the_HTTP_functions_by_method_path_and_name()
    {
        var documented = AppFunctions.DocumentedRoutes(Design).ToList();

        Assert.All(documented, route => Assert.True(route.Name is not null, $"{route.Method} {route.Path} names no function."));
        Assert.Equal(
            AppFunctions.HttpRoutes().Select(route => $"{route.Method} {route.Path} {route.Name}").Order(),
            documented.Select(route => $"{route.Method} {route.Path} {route.Name}").Order());
    }

    [Fact]
    public void The_functions_table_lists_every_other_function_with_its_schedule_or_queue()
    {
        var documented = FunctionRow().Matches(Section("Functions and schedules"))
            .Select(row => $"{row.Groups["name"].Value} {row.Groups["trigger"].Value} {row.Groups["value"].Value}");
        var declared = AppFunctions.All.Select(function => function.Trigger switch
            {
                TimerTrigger timer => $"{function.Name} timer {timer.Schedule}",
                QueueTrigger queue => $"{function.Name} queue {queue.QueueName}",
                _ => null,
            })
            .OfType<string>();

        Assert.Equal(declared.Order(), documented.Order());
    }

    [Fact]
    public void Every_storage_name_is_the_default_of_its_setting_and_every_name_setting_is_listed()
    {
        var documented = StorageRow().Matches(Section("Data"))
            .Select(row => (Kind: row.Groups["kind"].Value, Name: row.Groups["name"].Value, Setting: row.Groups["setting"].Value))
            .ToList();
        var defaults = new StorageOptions();
        var nameSettings = typeof(StorageOptions).GetProperties()
            .Where(property => property.Name.EndsWith("Table", StringComparison.Ordinal)
                || property.Name.EndsWith("Queue", StringComparison.Ordinal)
                || property.Name.EndsWith("Container", StringComparison.Ordinal));

        Assert.All(documented, row =>
        {
            var property = typeof(StorageOptions).GetProperty(row.Setting);
            Assert.True(property is not null, $"Storage:{row.Setting} is not a storage setting.");
            Assert.EndsWith(row.Kind, row.Setting, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(row.Name, property.GetValue(defaults));
        });
        Assert.Equal(nameSettings.Select(property => property.Name).Order(), documented.Select(row => row.Setting).Order());
    }

    [Fact]
    public void The_settings_table_lists_exactly_the_options_properties_with_their_defaults()
    {
        var documented = SettingRow().Matches(Section("Configuration")).ToList();
        var options = OptionsClasses().ToDictionary(type => (string)type.GetField("SectionName")!.GetRawConstantValue()!);

        Assert.All(documented, row =>
        {
            var section = row.Groups["section"].Value;
            var key = row.Groups["key"].Value;
            Assert.True(options.ContainsKey(section), $"No options class binds the section {section}.");
            var property = options[section].GetProperty(key);
            Assert.True(property is { CanWrite: true }, $"{section}:{key} is not a setting of {options[section].Name}.");
            if (SingleLiteral().Match(row.Groups["default"].Value) is { Success: true } literal)
            {
                var value = property.GetValue(Activator.CreateInstance(options[section]));
                Assert.Equal(literal.Groups["value"].Value, Convert.ToString(value, CultureInfo.InvariantCulture));
            }
        });
        Assert.Equal(
            options.SelectMany(option => option.Value.GetProperties()
                    .Where(property => property is { CanRead: true, CanWrite: true })
                    .Select(property => $"{option.Key}:{property.Name}"))
                .Order(),
            documented.Select(row => $"{row.Groups["section"].Value}:{row.Groups["key"].Value}").Order());
    }

    [Fact]
    public void Every_platform_setting_is_read_or_set_in_the_functions_or_infra()
    {
        var documented = PlatformSettingRow().Matches(Section("Configuration")).Select(row => row.Groups["name"].Value).ToList();
        var appAndInfra = TrackedFiles.Text
            .Where(file => file.Path.StartsWith("functions/", StringComparison.Ordinal) || file.Path.StartsWith("infra/", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(documented);
        Assert.All(documented, name => Assert.True(
            appAndInfra.Any(file => file.Content.Contains(name, StringComparison.Ordinal)),
            $"{name} appears nowhere in functions/ or infra/."));
    }

    [Fact]
    public void The_roles_table_lists_exactly_the_app_roles()
    {
        var documented = RoleRow().Matches(Section("Access")).Select(row => row.Groups["role"].Value);

        Assert.Equal(ConstantsOf(typeof(AppRoles)).Order(), documented.Order());
    }

    [Fact]
    public void The_audit_table_lists_exactly_the_audit_actions()
    {
        var documented = AuditRow().Matches(Section("Audit"))
            .SelectMany(row => AuditAction().Matches(row.Groups["actions"].Value).Select(action => action.Groups["action"].Value));

        Assert.Equal(ConstantsOf(typeof(AuditActions)).Order(), documented.Order());
    }

    /// <summary>Every class of the app with a <c>SectionName</c> constant: the options bound from configuration.</summary>
    private static IEnumerable<Type> OptionsClasses() =>
        typeof(StorageOptions).Assembly.GetExportedTypes()
            .Where(type => type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true });

    private static IEnumerable<string> ConstantsOf(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral)
            .Select(field => (string)field.GetRawConstantValue()!);

    /// <summary>The text under the <c>## </c> heading ending in <paramref name="title"/>, up to the next such heading.</summary>
    private static string Section(string title)
    {
        var heading = Regex.Match(Design, $@"^## (\d+\. )?{Regex.Escape(title)}\s*$", RegexOptions.Multiline);
        Assert.True(heading.Success, $"docs/design.md has no section '{title}'.");
        var next = Design.IndexOf("\n## ", heading.Index + heading.Length, StringComparison.Ordinal);
        return next < 0 ? Design[heading.Index..] : Design[heading.Index..next];
    }

    // | `CompileAnnualReport` | timer `0 0 5 * 1 *` | ...
    [GeneratedRegex(@"^\| `(?<name>\w+)` \| (?<trigger>timer|queue) `(?<value>[^`]+)` \|", RegexOptions.Multiline)]
    private static partial Regex FunctionRow();

    // | table | `Concerns` | `Storage:ConcernsTable` | ...
    [GeneratedRegex(@"^\| (?<kind>table|queue|container) \| `(?<name>[^`]+)` \| `Storage:(?<setting>\w+)` \|", RegexOptions.Multiline)]
    private static partial Regex StorageRow();

    // | `KeyVault:DataKeySecretName` | `concerns-data-key` | ...
    [GeneratedRegex(@"^\| `(?<section>\w+):(?<key>\w+)` \| (?<default>[^|]*)\|", RegexOptions.Multiline)]
    private static partial Regex SettingRow();

    // | `AZURE_CLIENT_ID` | ... (a name without a section)
    [GeneratedRegex(@"^\| `(?<name>\w+)` \|", RegexOptions.Multiline)]
    private static partial Regex PlatformSettingRow();

    [GeneratedRegex(@"^`(?<value>[^`]+)`\s*$")]
    private static partial Regex SingleLiteral();

    // | `Concerns.ReadWrite` | TK staff | ...
    [GeneratedRegex(@"^\| `(?<role>\w+\.\w+)` \|", RegexOptions.Multiline)]
    private static partial Regex RoleRow();

    // | `concern.create`, `concern.read` | ... (the actions of a row, in its first cell)
    [GeneratedRegex(@"^\| (?<actions>`[^|]+)\|", RegexOptions.Multiline)]
    private static partial Regex AuditRow();

    [GeneratedRegex(@"`(?<action>[a-z]+\.[a-z-]+)`")]
    private static partial Regex AuditAction();
}
