using System.Text.RegularExpressions;
using Radikalisering.PowerAppsTests.PaYaml;
using Radikalisering.PowerAppsTests.PowerFx;

namespace Radikalisering.PowerAppsTests;

/// <summary>The app's source is Power Apps source format v3.0: App.pa.yaml and one file per screen.</summary>
public sealed partial class AppSourceTests
{
    private readonly AppSource app = AppSource.Load();

    [Fact]
    public void Every_pa_yaml_file_follows_the_v3_schema()
    {
        var violations = AppSource.Files().SelectMany(path => PaYamlSchema.Check(Path.GetFileName(path), File.ReadAllText(path)));

        Assert.Empty(violations);
    }

    [Fact]
    public void The_app_is_App_pa_yaml_and_one_file_per_screen_named_after_it()
    {
        var files = AppSource.Files().Select(Path.GetFileName).ToList();

        Assert.Contains("App.pa.yaml", files);
        Assert.Equal(files.Where(file => file != "App.pa.yaml").Order(), app.Screens.Select(screen => screen.Name + ".pa.yaml").Order());
        Assert.All(app.Screens, screen => Assert.Equal(screen.Name + ".pa.yaml", screen.File));
        Assert.Equal(["ConcernScreen", "ConcernsScreen", "NewConcernScreen"], app.Screens.Select(screen => screen.Name).Order());
    }

    [Theory]
    [InlineData("Theme:\n  Name: x\n", "not a top-level key")]
    [InlineData("App:\n  Children: []\n", "App.Children: not allowed here")]
    [InlineData("Screens:\n  S:\n    Properties:\n      Fill: RGBA(0, 0, 0, 1)\n", "must begin with '='")]
    [InlineData("Screens:\n  S:\n    Children:\n      - A:\n          Properties:\n            X: =1\n", "Control is required")]
    [InlineData("Screens:\n  S:\n    Children:\n      - A:\n          Control: label\n", "ControlTypeId pattern")]
    [InlineData("Screens:\n  S:\n    Children:\n      - A:\n          Control: Screen\n", "not allowed in a Children sequence")]
    [InlineData("Screens:\n  S:\n    Children:\n      - A:\n          Control: Label@2.5.1\n        B:\n          Control: Label@2.5.1\n", "one control name with its control")]
    [InlineData("Screens:\n  S:\n    Children:\n      - A:\n          Control: Label@2.5.1\n          Text: =\"x\"\n", "A.Text: not allowed here")]
    [InlineData("Screens:\n  S:\n    Children:\n      - A:\n          Control: Label@2.5.1\n          Variant: \"\"\n", "must be a non-empty string")]
    [InlineData("Screens:\n  S:\n    Children:\n      - A:\n          Control: Label@2.5.1\n          Properties:\n            Text:\n              - =1\n", "a formula must be a string")]
    [InlineData("DataSources:\n  C:\n    Type: Actions\n", "does not cover it")]
    public void The_schema_check_rejects_what_the_v3_schema_forbids(string yaml, string expected)
    {
        var violations = PaYamlSchema.Check("Test.pa.yaml", yaml);

        Assert.Contains(violations, violation => violation.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void The_schema_check_accepts_a_screen_with_a_null_formula_and_a_variant()
    {
        const string yaml = "Screens:\n  S:\n    Properties:\n      OnVisible:\n    Children:\n      - G:\n          Control: Gallery@2.15.0\n          Variant: Vertical\n          Children:\n            - L:\n                Control: Label@2.5.1\n                Properties:\n                  Text: =\"x\"\n";

        Assert.Empty(PaYamlSchema.Check("Test.pa.yaml", yaml));
    }

    [Fact]
    public void Control_names_are_unique_across_the_app()
    {
        var names = app.Controls.Select(control => control.Name).Concat(app.Screens.Select(screen => screen.Name)).ToList();

        Assert.Empty(names.GroupBy(name => name).Where(group => group.Count() > 1).Select(group => group.Key));
    }

    [Fact]
    public void Every_screen_the_app_navigates_to_exists()
    {
        var targets = app.Formulas
            .SelectMany(formula => NavigateTarget().Matches(PowerFxText.WithoutComments(formula.Text)).Select(match => match.Groups["screen"].Value))
            .Append(app.AppProperties["StartScreen"].Trim())
            .Distinct()
            .ToList();

        Assert.NotEmpty(targets);
        Assert.All(targets, target => Assert.Contains(target, app.Screens.Select(screen => screen.Name)));
    }

    [GeneratedRegex(@"Navigate\(\s*(?<screen>[A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex NavigateTarget();
}
