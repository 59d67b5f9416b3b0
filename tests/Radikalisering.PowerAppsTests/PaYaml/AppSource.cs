using YamlDotNet.RepresentationModel;

namespace Radikalisering.PowerAppsTests.PaYaml;

/// <summary>A formula in the app: where it is (file, screen or control, property) and its text without the leading '='.</summary>
internal sealed record Formula(string File, string Owner, string Property, string Text)
{
    public override string ToString() => $"{File}: {Owner}.{Property}";
}

/// <summary>A control instance with its parent, so a test can walk up to the fill a text sits on.</summary>
internal sealed class PaControl(string file, string screen, string name, string type, string? variant,
    IReadOnlyDictionary<string, string> properties, PaControl? parent)
{
    public string File { get; } = file;
    public string Screen { get; } = screen;
    public string Name { get; } = name;
    public string Type { get; } = type;
    public string? Variant { get; } = variant;
    public IReadOnlyDictionary<string, string> Properties { get; } = properties;
    public PaControl? Parent { get; } = parent;
    public List<PaControl> Children { get; } = [];

    public IEnumerable<PaControl> SelfAndDescendants() => Children.SelectMany(child => child.SelfAndDescendants()).Prepend(this);

    public IEnumerable<PaControl> Ancestors()
    {
        for (var current = Parent; current is not null; current = current.Parent)
        {
            yield return current;
        }
    }
}

internal sealed record PaScreen(string File, string Name, IReadOnlyDictionary<string, string> Properties, IReadOnlyList<PaControl> Children);

/// <summary>
/// The app as Power Apps Studio combines its <c>*.pa.yaml</c> files: the App's properties and the screens with their
/// control trees. Assumes files that pass <see cref="PaYamlSchema"/>. Formula texts are stored without their '='.
/// </summary>
internal sealed class AppSource
{
    private AppSource(IReadOnlyDictionary<string, string> appProperties, IReadOnlyList<PaScreen> screens)
    {
        AppProperties = appProperties;
        Screens = screens;
    }

    public IReadOnlyDictionary<string, string> AppProperties { get; }

    public IReadOnlyList<PaScreen> Screens { get; }

    public IEnumerable<PaControl> Controls => Screens.SelectMany(screen => screen.Children).SelectMany(control => control.SelfAndDescendants());

    public IEnumerable<Formula> Formulas =>
        AppProperties.Select(property => new Formula("App.pa.yaml", "App", property.Key, property.Value))
            .Concat(Screens.SelectMany(screen => screen.Properties.Select(property => new Formula(screen.File, screen.Name, property.Key, property.Value))))
            .Concat(Controls.SelectMany(control => control.Properties.Select(property => new Formula(control.File, control.Name, property.Key, property.Value))));

    public static IEnumerable<string> Files() => Directory.EnumerateFiles(RepositoryFiles.AppSource, "*.pa.yaml").Order(StringComparer.Ordinal);

    public static AppSource Load() => Parse(Files().Select(path => (Path.GetFileName(path), File.ReadAllText(path))));

    public static AppSource Parse(IEnumerable<(string File, string Yaml)> files)
    {
        var appProperties = new Dictionary<string, string>(StringComparer.Ordinal);
        var screens = new List<PaScreen>();
        foreach (var (file, yaml) in files)
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            var root = (YamlMappingNode)stream.Documents[0].RootNode;
            foreach (var (key, value) in PaYamlSchema.Entries(root))
            {
                if (key == "App")
                {
                    foreach (var property in FormulasOf(value))
                    {
                        appProperties.Add(property.Key, property.Value);
                    }
                }
                else if (key == "Screens")
                {
                    screens.AddRange(PaYamlSchema.Entries((YamlMappingNode)value)
                        .Select(screen => new PaScreen(file, screen.Key, FormulasOf(screen.Value), ControlsOf(file, screen.Key, screen.Value, null))));
                }
            }
        }

        return new AppSource(appProperties, screens);
    }

    private static List<PaControl> ControlsOf(string file, string screen, YamlNode parent, PaControl? parentControl)
    {
        if (!((YamlMappingNode)parent).Children.TryGetValue("Children", out var children))
        {
            return [];
        }

        var controls = new List<PaControl>();
        foreach (var item in (YamlSequenceNode)children)
        {
            var (name, node) = PaYamlSchema.Entries((YamlMappingNode)item).Single();
            var mapping = (YamlMappingNode)node;
            var control = new PaControl(
                file,
                screen,
                name,
                Scalar(mapping, "Control")!,
                Scalar(mapping, "Variant"),
                FormulasOf(node),
                parentControl);
            control.Children.AddRange(ControlsOf(file, screen, node, control));
            controls.Add(control);
        }

        return controls;
    }

    private static Dictionary<string, string> FormulasOf(YamlNode node) =>
        ((YamlMappingNode)node).Children.TryGetValue("Properties", out var properties)
            ? PaYamlSchema.Entries((YamlMappingNode)properties)
                .ToDictionary(property => property.Key, property => WithoutEquals(((YamlScalarNode)property.Value).Value ?? ""), StringComparer.Ordinal)
            : [];

    private static string WithoutEquals(string formula) => formula.StartsWith('=') ? formula[1..] : formula;

    private static string? Scalar(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(key, out var value) ? ((YamlScalarNode)value).Value : null;
}
