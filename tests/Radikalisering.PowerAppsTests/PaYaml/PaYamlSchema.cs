using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Radikalisering.PowerAppsTests.PaYaml;

/// <summary>
/// The parts of the published Power Apps source schema v3.0 that this app uses (microsoft/PowerApps-Tooling,
/// schemas/pa-yaml/v3.0/pa.schema.yaml): the top-level keys, App and Screen instances, the Children sequence,
/// first-party control instances (Control, Variant, Layout, Locked, Group, Properties, Children) and the
/// formula map, whose values are strings beginning with "=" (or null). Parts the app does not use
/// (ComponentDefinitions, DataSources, Component and CodeComponent instances) are reported as unchecked rather
/// than passed.
/// </summary>
internal static partial class PaYamlSchema
{
    private static readonly string[] TopLevelKeys = ["App", "Screens", "ComponentDefinitions", "DataSources"];
    private static readonly string[] UncheckedTopLevelKeys = ["ComponentDefinitions", "DataSources"];
    private static readonly string[] ScreenKeys = ["Properties", "Children"];
    private static readonly string[] FirstPartyControlKeys = ["Control", "Variant", "Layout", "Locked", "Group", "Properties", "Children"];
    private static readonly string[] DisallowedControlTypes = ["AppInfo", "HostControl", "Screen", "AppTest", "TestCase", "TestSuite"];
    private static readonly string[] NotYetSupportedControlTypes = ["CommandComponent", "DataComponent", "FunctionComponent"];
    private static readonly string[] ThirdPartyControlTypes = ["Component", "CodeComponent"];

    /// <summary>Every way <paramref name="yaml"/> departs from the schema, each naming where.</summary>
    public static IReadOnlyList<string> Check(string file, string yaml)
    {
        var violations = new List<string>();
        YamlStream stream;
        try
        {
            stream = new YamlStream();
            stream.Load(new StringReader(yaml));
        }
        catch (YamlDotNet.Core.YamlException exception)
        {
            return [$"{file}: not YAML ({exception.Message})"];
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return [$"{file}: the document must be one mapping"];
        }

        foreach (var (key, value) in Entries(root))
        {
            var where = $"{file}: {key}";
            if (!TopLevelKeys.Contains(key))
            {
                violations.Add($"{where}: not a top-level key of the schema ({string.Join(", ", TopLevelKeys)})");
            }
            else if (UncheckedTopLevelKeys.Contains(key))
            {
                violations.Add($"{where}: the app does not use this part of the schema and this check does not cover it");
            }
            else if (key == "App")
            {
                CheckKeys(violations, where, value, ["Properties"]);
                CheckFormulas(violations, where, value);
            }
            else if (value is not YamlMappingNode screens)
            {
                violations.Add($"{where}: must map screen names to screens");
            }
            else
            {
                foreach (var (screen, instance) in Entries(screens))
                {
                    CheckKeys(violations, $"{where}.{screen}", instance, ScreenKeys);
                    CheckFormulas(violations, $"{where}.{screen}", instance);
                    CheckChildren(violations, $"{where}.{screen}", instance);
                }
            }
        }

        return violations;
    }

    private static void CheckChildren(List<string> violations, string where, YamlNode parent)
    {
        if (parent is not YamlMappingNode mapping || !mapping.Children.TryGetValue("Children", out var children))
        {
            return;
        }

        if (children is not YamlSequenceNode sequence)
        {
            violations.Add($"{where}.Children: must be a sequence of controls");
            return;
        }

        foreach (var item in sequence)
        {
            if (item is not YamlMappingNode single || single.Children.Count != 1)
            {
                violations.Add($"{where}.Children: each item must be one control name with its control");
                continue;
            }

            var (name, control) = Entries(single).Single();
            CheckControl(violations, $"{where}/{name}", control);
        }
    }

    private static void CheckControl(List<string> violations, string where, YamlNode node)
    {
        if (node is not YamlMappingNode control)
        {
            violations.Add($"{where}: a control must be a mapping");
            return;
        }

        if (!control.Children.TryGetValue("Control", out var typeNode) || typeNode is not YamlScalarNode { Value: { } type })
        {
            violations.Add($"{where}: Control is required");
            return;
        }

        if (ThirdPartyControlTypes.Contains(type))
        {
            violations.Add($"{where}: {type} instances are not used by the app and this check does not cover them");
            return;
        }

        var invariantName = type.Split('@')[0].Split('/')[^1];
        if (!ControlTypeId().IsMatch(type))
        {
            violations.Add($"{where}: Control '{type}' does not match the schema's ControlTypeId pattern");
        }
        else if (DisallowedControlTypes.Contains(type) || NotYetSupportedControlTypes.Contains(type) || DisallowedControlTypes.Contains(invariantName))
        {
            violations.Add($"{where}: Control '{type}' is not allowed in a Children sequence");
        }

        CheckKeys(violations, where, control, FirstPartyControlKeys);
        foreach (var key in new[] { "Variant", "Layout", "Group" })
        {
            if (control.Children.TryGetValue(key, out var value) && value is not YamlScalarNode { Value.Length: > 0 })
            {
                violations.Add($"{where}.{key}: must be a non-empty string");
            }
        }

        if (control.Children.TryGetValue("Locked", out var locked) && locked is not YamlScalarNode { Value: "true" or "false" })
        {
            violations.Add($"{where}.Locked: must be a boolean");
        }

        CheckFormulas(violations, where, control);
        CheckChildren(violations, where, control);
    }

    private static void CheckFormulas(List<string> violations, string where, YamlNode parent)
    {
        if (parent is not YamlMappingNode mapping || !mapping.Children.TryGetValue("Properties", out var properties))
        {
            return;
        }

        if (properties is not YamlMappingNode formulas)
        {
            violations.Add($"{where}.Properties: must map property names to formulas");
            return;
        }

        foreach (var (property, value) in Entries(formulas))
        {
            if (value is not YamlScalarNode scalar)
            {
                violations.Add($"{where}.{property}: a formula must be a string");
            }
            else if (!IsNull(scalar) && !(scalar.Value ?? "").StartsWith('='))
            {
                violations.Add($"{where}.{property}: a formula must begin with '='");
            }
        }
    }

    private static void CheckKeys(List<string> violations, string where, YamlNode node, string[] allowed)
    {
        if (node is not YamlMappingNode mapping)
        {
            violations.Add($"{where}: must be a mapping");
            return;
        }

        violations.AddRange(Entries(mapping)
            .Where(entry => !allowed.Contains(entry.Key))
            .Select(entry => $"{where}.{entry.Key}: not allowed here (allowed: {string.Join(", ", allowed)})"));
    }

    private static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && scalar.Value is "" or "~" or "null" or "Null" or "NULL";

    internal static IEnumerable<(string Key, YamlNode Value)> Entries(YamlMappingNode mapping) =>
        mapping.Children.Select(entry => (((YamlScalarNode)entry.Key).Value ?? "", entry.Value));

    [GeneratedRegex(@"^([A-Z][a-zA-Z0-9]*/)?[A-Z][a-zA-Z0-9]*(@\d+\.\d+\.\d+)?$")]
    private static partial Regex ControlTypeId();
}
