using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Radikalisering.Core.Http;
using Radikalisering.Core.Reports;
using Radikalisering.Core.Statistics;
using Radikalisering.PowerAppsTests.Connector;
using Radikalisering.PowerAppsTests.PaYaml;
using Radikalisering.PowerAppsTests.PowerFx;

namespace Radikalisering.PowerAppsTests;

/// <summary>
/// The Danish texts have one source, functions/Radikalisering.Core/Localization/labels.da.json: the API's problems
/// and the report read it, the app's named formulas and the connector's labels must say the same.
/// </summary>
public sealed class DanishTextTests
{
    private static readonly JsonObject Labels = RepositoryFiles.ReadJson(RepositoryFiles.DanishLabels);

    private readonly IReadOnlyDictionary<string, string> formulas = NamedFormulas.Parse(AppSource.Load().AppProperties["Formulas"]);

    [Fact]
    public void The_app_says_what_labels_da_json_says()
    {
        Assert.Empty(AppDifferences(formulas, Labels));
    }

    [Fact]
    public void A_changed_text_in_labels_da_json_fails_the_check()
    {
        var changed = Labels.DeepClone().AsObject();
        changed["reporter"]!["other"] = "Andre personer";
        changed["problems"]!["preconditionFailed"] = "Henvendelsen er ændret.";

        var differences = AppDifferences(formulas, changed);

        Assert.Contains(differences, difference => difference.Contains("ReporterChoices", StringComparison.Ordinal));
        Assert.Contains(differences, difference => difference.Contains("ProblemTexts.preconditionFailed", StringComparison.Ordinal));
    }

    [Fact]
    public void The_connector_labels_the_fields_and_values_as_labels_da_json_does()
    {
        var connector = RepositoryFiles.ReadJson(RepositoryFiles.ConnectorDefinition);
        var facts = ConnectorSignature.Resolve(connector, connector["definitions"]!["NewConcern"]!.AsObject())["properties"]!.AsObject();

        foreach (var (field, label) in Section("fields"))
        {
            Assert.Equal(label, (string?)ConnectorSignature.Resolve(connector, facts[field]!.AsObject())["x-ms-summary"]);
        }

        foreach (var (definition, section) in new[] { ("Reporter", "reporter"), ("Outcome", "outcome") })
        {
            var displayed = connector["definitions"]![definition]!["x-ms-enum-values"]!.AsArray()
                .Select(value => ((string)value!["value"]!, (string)value["displayName"]!));
            Assert.Equal(Section(section), displayed);
        }
    }

    [Fact]
    public void The_report_names_dimensions_and_categories_from_labels_da_json()
    {
        foreach (var dimension in ConcernDimensions.Names)
        {
            Assert.Equal(Section("dimensions").Single(entry => entry.Key == dimension).Value, DanishLabels.Dimension(dimension));
            Assert.Equal(Section(dimension), ConcernDimensions.CategoriesOf(dimension).Select(category => (category, DanishLabels.Category(dimension, category))));
        }
    }

    [Fact]
    public void The_API_problems_carry_the_details_of_labels_da_json()
    {
        var problems = Section("problems").ToDictionary();

        Assert.Equal(problems["preconditionFailed"], Problems.PreconditionFailed().ProblemDetails.Detail);
        Assert.Equal(problems["unauthorized"], Problems.Unauthorized().ProblemDetails.Detail);
        Assert.Equal(problems["forbidden"].Replace("{0}", "Concerns.ReadWrite", StringComparison.Ordinal), Problems.Forbidden("Concerns.ReadWrite").ProblemDetails.Detail);
        Assert.Equal(problems["internalError"].Replace("{0}", "abc123", StringComparison.Ordinal), Problems.InternalError("abc123").ProblemDetails.Detail);
        Assert.Equal(problems["invalid"], Problems.Validation(new Dictionary<string, string[]>()).ProblemDetails.Detail);
        var unavailable = (ProblemHttpResult)Problems.ServiceUnavailable(TimeSpan.FromSeconds(30)).Inner;
        Assert.Equal(problems["serviceUnavailable"].Replace("{0}", "30", StringComparison.Ordinal), unavailable.ProblemDetails.Detail);
        var withoutIfMatch = (ProblemHttpResult)EntityTags.ReadIfMatch(new DefaultHttpContext().Request).Problem!;
        Assert.Equal(problems["ifMatchRequired"], withoutIfMatch.ProblemDetails.Detail);
    }

    // Where the app's named formulas differ from labels.da.json: FieldLabels, the choice tables and ProblemTexts.
    private static List<string> AppDifferences(IReadOnlyDictionary<string, string> formulas, JsonObject labels)
    {
        var differences = new List<string>();
        var fieldLabels = (IReadOnlyDictionary<string, object>)NamedFormulas.Evaluate(formulas["FieldLabels"]);
        Compare(differences, "FieldLabels", fieldLabels.Select(field => (field.Key, (string)field.Value)), labels, "fields");
        Compare(differences, "ReporterChoices", Choices(formulas["ReporterChoices"]), labels, "reporter");
        Compare(differences, "OutcomeChoices", Choices(formulas["OutcomeChoices"]), labels, "outcome");
        var problemTexts = (IReadOnlyDictionary<string, object>)NamedFormulas.Evaluate(formulas["ProblemTexts"]);
        var problems = labels["problems"]!.AsObject();
        foreach (var (key, text) in problemTexts)
        {
            if ((string?)problems[key] != (string)text)
            {
                differences.Add($"ProblemTexts.{key}: the app says \"{text}\", labels.da.json \"{problems[key]}\"");
            }
        }

        return differences;
    }

    private static void Compare(List<string> differences, string formula, IEnumerable<(string Key, string Text)> app, JsonObject labels, string section)
    {
        var expected = labels[section]!.AsObject().Select(entry => (entry.Key, (string)entry.Value!)).ToList();
        if (!app.SequenceEqual(expected))
        {
            differences.Add($"{formula}: the app says {string.Join(", ", app)}, labels.da.json {string.Join(", ", expected)}");
        }
    }

    private static IEnumerable<(string Key, string Text)> Choices(string table) =>
        ((List<IReadOnlyDictionary<string, object>>)NamedFormulas.Evaluate(table)).Select(choice => ((string)choice["ApiValue"], (string)choice["Value"]));

    private static List<(string Key, string Value)> Section(string section) =>
        Labels[section]!.AsObject().Select(entry => (entry.Key, (string)entry.Value!)).ToList();
}
