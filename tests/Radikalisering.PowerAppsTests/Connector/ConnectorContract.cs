using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Radikalisering.PowerAppsTests.PaYaml;
using Radikalisering.PowerAppsTests.PowerFx;

namespace Radikalisering.PowerAppsTests.Connector;

/// <summary>
/// Checks the app against the connector definition: every call of the connector's operations, the choice tables
/// whose values the app sends, and the fields the app reads from what the connector returns.
/// </summary>
internal static partial class ConnectorContract
{
    /// <summary>
    /// The data source name the formulas use for the connector; README.md tells to give it this name in Power Apps
    /// Studio when the connector's title turns into another.
    /// </summary>
    public const string ConnectorName = "Bekymringshenvendelser";

    /// <summary>Named formulas holding the values the app sends for an enum, with the operation and parameter they feed.</summary>
    private static readonly (string Formula, string Operation, string Parameter)[] ChoiceTables =
    [
        ("ReporterChoices", "CreateConcern", "reporter"),
        ("OutcomeChoices", "CreateConcern", "outcome"),
    ];

    /// <summary>The variables that hold what an operation returned, and the connector's definition of it.</summary>
    private static readonly (string Variable, string Definition)[] Results =
    [
        ("varConcern", "Concern"), ("varSelected", "Concern"), ("varCreated", "Concern"),
        ("varPage", "ConcernPage"), ("ParseJSON(response)", "Problem"),
    ];

    public static IEnumerable<(Formula Formula, ConnectorCall Call)> Calls(AppSource app) =>
        app.Formulas.SelectMany(formula => ConnectorCall.FindAll(formula.Text, ConnectorName).Select(call => (formula, call)));

    public static IReadOnlyList<string> Violations(AppSource app, JsonObject definition)
    {
        var signatures = ConnectorSignature.Read(definition);
        return CallViolations(app, signatures)
            .Concat(ChoiceViolations(app, signatures))
            .Concat(ResultFieldViolations(app, definition))
            .ToList();
    }

    private static IEnumerable<string> CallViolations(AppSource app, IReadOnlyDictionary<string, ConnectorSignature> signatures)
    {
        foreach (var (formula, call) in Calls(app))
        {
            var where = $"{formula}: {ConnectorName}.{call.Operation}";
            if (!signatures.TryGetValue(call.Operation, out var signature))
            {
                yield return $"{where}: the connector has no operation {call.Operation}";
                continue;
            }

            foreach (var violation in ArgumentViolations(signature, call.Arguments))
            {
                yield return $"{where}: {violation}";
            }
        }
    }

    private static IEnumerable<string> ArgumentViolations(ConnectorSignature signature, IReadOnlyList<Argument> arguments)
    {
        var required = signature.Required;
        if (arguments.Count < required.Count)
        {
            yield return $"passes {arguments.Count} arguments, but the connector requires {required.Count} ({string.Join(", ", required.Select(parameter => parameter.Name))})";
        }

        for (var i = 0; i < Math.Min(arguments.Count, required.Count); i++)
        {
            if (arguments[i].Label != required[i].Name)
            {
                yield return $"argument {i + 1} is meant for '{arguments[i].Label ?? "(no /*name*/ label)"}', but the connector's required parameter {i + 1} is '{required[i].Name}'";
            }

            foreach (var value in ValuesOutside(required[i], arguments[i].Text))
            {
                yield return $"'{required[i].Name}' gets \"{value}\", not one of {string.Join(", ", required[i].Enum)}";
            }
        }

        if (arguments.Count <= required.Count)
        {
            yield break;
        }

        var options = arguments[required.Count];
        if (arguments.Count > required.Count + 1 || !options.IsRecord || signature.Optional.Count == 0)
        {
            yield return signature.Optional.Count == 0
                ? $"passes {arguments.Count} arguments, but the operation takes exactly {required.Count}"
                : $"after the {required.Count} required arguments comes one record of optional parameters, not '{string.Join(", ", arguments.Skip(required.Count))}'";
            yield break;
        }

        foreach (var (name, value) in options.Fields())
        {
            if (signature.Optional.SingleOrDefault(parameter => parameter.Name == name) is not { } parameter)
            {
                yield return $"the optional parameter '{name}' does not exist (optional: {string.Join(", ", signature.Optional.Select(parameter => parameter.Name))})";
                continue;
            }

            foreach (var outside in ValuesOutside(parameter, value))
            {
                yield return $"'{name}' gets \"{outside}\", not one of {string.Join(", ", parameter.Enum)}";
            }
        }
    }

    // Every text literal in an argument for an enum parameter must be one of its values.
    private static IEnumerable<string> ValuesOutside(FunctionParameter parameter, string argument) =>
        parameter.Enum.Count == 0 ? [] : PowerFxText.StringLiterals(argument).Where(value => !parameter.Enum.Contains(value));

    private static IEnumerable<string> ChoiceViolations(AppSource app, IReadOnlyDictionary<string, ConnectorSignature> signatures)
    {
        var formulas = NamedFormulas.Parse(app.AppProperties["Formulas"]);
        foreach (var (formula, operation, parameterName) in ChoiceTables)
        {
            var parameter = signatures.TryGetValue(operation, out var signature)
                ? signature.Required.Concat(signature.Optional).SingleOrDefault(candidate => candidate.Name == parameterName)
                : null;
            if (parameter is null)
            {
                yield return $"App.Formulas {formula}: feeds {operation} '{parameterName}', which the connector does not have";
                continue;
            }

            var sent = ((List<IReadOnlyDictionary<string, object>>)NamedFormulas.Evaluate(formulas[formula])).Select(choice => (string)choice["ApiValue"]).ToList();
            if (!sent.SequenceEqual(parameter.Enum))
            {
                yield return $"App.Formulas {formula}: sends {string.Join(", ", sent)}, but the connector's '{parameterName}' takes {string.Join(", ", parameter.Enum)}";
            }
        }
    }

    // Fields read from results (varConcern.etag, ThisItem.reporter in the list's gallery) must be fields the connector returns.
    private static IEnumerable<string> ResultFieldViolations(AppSource app, JsonObject definition)
    {
        var galleryItems = app.Controls.Where(control => control.Type.StartsWith("Gallery@", StringComparison.Ordinal))
            .SelectMany(gallery => gallery.SelfAndDescendants().Skip(1))
            .SelectMany(control => control.Properties.Select(property => new Formula(control.File, control.Name, property.Key, property.Value)))
            .ToList();
        var reads = app.Formulas.SelectMany(formula => Results.Select(result => (formula, result.Variable, result.Definition)))
            .Concat(galleryItems.Select(formula => (formula, Variable: "ThisItem", Definition: "Concern")));
        foreach (var (formula, variable, definitionName) in reads)
        {
            var fields = ConnectorSignature.Resolve(definition, definition["definitions"]![definitionName]!.AsObject())["properties"]!.AsObject();
            var code = PowerFxText.WithoutComments(formula.Text);
            foreach (Match read in Regex.Matches(code, @"(?<![A-Za-z0-9_.])" + Regex.Escape(variable) + @"\.(?<field>[A-Za-z_][A-Za-z0-9_]*)"))
            {
                var field = read.Groups["field"].Value;
                if (!fields.ContainsKey(field))
                {
                    yield return $"{formula}: reads {variable}.{field}, but the connector's {definitionName} has no '{field}'";
                }
            }
        }
    }
}
