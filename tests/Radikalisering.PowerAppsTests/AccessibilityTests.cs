using System.Text.RegularExpressions;
using Radikalisering.PowerAppsTests.PaYaml;
using Radikalisering.PowerAppsTests.PowerFx;

namespace Radikalisering.PowerAppsTests;

/// <summary>Labels on every input, a tab order, WCAG AA contrast, and a layout that reflows from phone to desktop.</summary>
public sealed partial class AccessibilityTests
{
    private static readonly string[] Inputs = ["TextInput", "DatePicker", "DropDown", "ComboBox", "Radio", "CheckBox", "Toggle", "Slider", "Button"];

    private readonly AppSource app = AppSource.Load();

    [Fact]
    public void Every_input_has_an_accessible_label_and_a_place_in_the_tab_order()
    {
        var inputs = app.Controls.Where(control => Inputs.Contains(KindOf(control))).ToList();

        Assert.NotEmpty(inputs);
        Assert.All(inputs, input =>
        {
            Assert.True(input.Properties.TryGetValue("AccessibleLabel", out var label) && label.Trim() is not ("" or "\"\""), $"{input.Name} has no AccessibleLabel");
            Assert.True(input.Properties.TryGetValue("TabIndex", out var tabIndex) && tabIndex.Trim() == "0", $"{input.Name} is not in the tab order (TabIndex 0)");
        });
    }

    [Fact]
    public void Every_text_colour_has_at_least_4_5_to_1_contrast_with_the_fill_behind_it()
    {
        var palette = Palette();
        var pairs = app.Controls
            .Where(control => control.Properties.ContainsKey("Color"))
            .SelectMany(control => PaletteColours(control.Properties["Color"])
                .SelectMany(text => FillBehind(control).Select(fill => (control.Name, text, fill))))
            .ToList();

        Assert.NotEmpty(pairs);
        Assert.All(pairs, pair =>
        {
            var ratio = palette[pair.text].ContrastWith(palette[pair.fill]);
            Assert.True(ratio >= 4.5, $"{pair.Name}: Palette.{pair.text} on Palette.{pair.fill} is {ratio:0.00}:1");
        });
    }

    [Fact]
    public void Colours_come_from_the_palette_the_contrast_test_checks()
    {
        var colourProperties = app.Controls
            .SelectMany(control => control.Properties.Where(property => property.Key.EndsWith("Color", StringComparison.Ordinal) || property.Key == "Fill")
                .Select(property => (control.Name, property.Key, property.Value)))
            .Concat(app.Screens.Where(screen => screen.Properties.ContainsKey("Fill")).Select(screen => (screen.Name, Key: "Fill", Value: screen.Properties["Fill"])));

        Assert.All(colourProperties, property => Assert.False(
            ColourLiteral().IsMatch(PowerFxText.WithoutComments(property.Value)) || !PaletteColours(property.Value).Any(),
            $"{property.Name}.{property.Key} = {property.Value} does not use the palette"));
    }

    [Fact]
    public void Every_screen_is_one_auto_layout_container_that_fills_it_and_no_control_has_a_fixed_position()
    {
        Assert.All(app.Screens, screen =>
        {
            var root = Assert.Single(screen.Children);
            Assert.Equal(("GroupContainer", "AutoLayout"), (KindOf(root), root.Variant));
            Assert.Equal(("Parent.Width", "Parent.Height"), (root.Properties["Width"], root.Properties["Height"]));
            Assert.Contains(root.SelfAndDescendants(), control => control.Properties.Values.Any(value => value.Contains("IsPhone", StringComparison.Ordinal)));
        });
        Assert.DoesNotContain(app.Controls, control => control.Properties.ContainsKey("X") || control.Properties.ContainsKey("Y"));
    }

    [Fact]
    public void Every_screen_has_a_heading_for_screen_readers()
    {
        Assert.All(app.Screens, screen => Assert.Contains(
            screen.Children.SelectMany(control => control.SelfAndDescendants()),
            control => control.Properties.TryGetValue("Role", out var role) && role == "TextRole.Heading1"));
    }

    private Dictionary<string, Rgba> Palette() =>
        ((IReadOnlyDictionary<string, object>)NamedFormulas.Evaluate(NamedFormulas.Parse(app.AppProperties["Formulas"])["Palette"]))
            .ToDictionary(colour => colour.Key, colour => (Rgba)colour.Value, StringComparer.Ordinal);

    // The opaque palette colours of the nearest fill: the control's own, a container's, or the screen's.
    private List<string> FillBehind(PaControl control)
    {
        foreach (var candidate in control.Ancestors().Prepend(control))
        {
            if (candidate.Properties.TryGetValue("Fill", out var fill) && PaletteColours(fill).Where(colour => colour != "Transparent").ToList() is { Count: > 0 } colours)
            {
                return colours;
            }
        }

        return PaletteColours(app.Screens.Single(screen => screen.Name == control.Screen).Properties["Fill"]).ToList();
    }

    private static IEnumerable<string> PaletteColours(string formula) =>
        PaletteReference().Matches(PowerFxText.WithoutComments(formula)).Select(match => match.Groups["colour"].Value).Distinct();

    private static string KindOf(PaControl control) => control.Type.Split('@')[0].Split('/')[^1];

    [GeneratedRegex(@"\bPalette\.(?<colour>[A-Za-z]+)")]
    private static partial Regex PaletteReference();

    [GeneratedRegex(@"\b(RGBA|ColorValue)\(|\bColor\.[A-Z]")]
    private static partial Regex ColourLiteral();
}
