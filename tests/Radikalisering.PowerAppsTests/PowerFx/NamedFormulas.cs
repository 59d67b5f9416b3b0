using System.Globalization;
using System.Text.RegularExpressions;

namespace Radikalisering.PowerAppsTests.PowerFx;

/// <summary>A colour literal <c>RGBA(r, g, b, a)</c>.</summary>
internal sealed record Rgba(double Red, double Green, double Blue, double Alpha)
{
    /// <summary>WCAG 2.1 relative luminance.</summary>
    public double Luminance => (0.2126 * Linear(Red)) + (0.7152 * Linear(Green)) + (0.0722 * Linear(Blue));

    /// <summary>WCAG 2.1 contrast ratio, 1 to 21.</summary>
    public double ContrastWith(Rgba other)
    {
        var (light, dark) = Luminance >= other.Luminance ? (Luminance, other.Luminance) : (other.Luminance, Luminance);
        return (light + 0.05) / (dark + 0.05);
    }

    private static double Linear(double channel)
    {
        var c = channel / 255;
        return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    }
}

/// <summary>
/// The named formulas of <c>App.Formulas</c> (<c>Name = expression;</c>, and user-defined functions
/// <c>Name(a: T): T = expression;</c>), and the value of those that are literals: text, numbers, booleans,
/// <c>RGBA(...)</c>, records <c>{ a: ... }</c> and <c>Table(record, ...)</c>.
/// </summary>
internal static partial class NamedFormulas
{
    public static IReadOnlyDictionary<string, string> Parse(string formulas) =>
        PowerFxText.SplitTopLevel(formulas, ';')
            .Select(PowerFxText.WithoutComments)
            .Where(statement => !string.IsNullOrWhiteSpace(statement))
            .Select(statement =>
            {
                var name = Name().Match(statement);
                var equals = PowerFxText.CodePositions(statement).First(i => statement[i] == '=' && Depth(statement, i) == 0);
                return (Name: name.Groups["name"].Value, Body: statement[(equals + 1)..].Trim());
            })
            .ToDictionary(formula => formula.Name, formula => formula.Body, StringComparer.Ordinal);

    /// <summary>The value of a literal expression; throws on anything else.</summary>
    public static object Evaluate(string expression)
    {
        var text = PowerFxText.WithoutComments(expression).Trim();
        if (text.StartsWith('"'))
        {
            return PowerFxText.StringLiterals(text).Single();
        }

        if (text is "true" or "false")
        {
            return text == "true";
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        if (text.StartsWith('{'))
        {
            return new Argument(text, null).Fields().ToDictionary(field => field.Name, field => Evaluate(field.Value), StringComparer.Ordinal);
        }

        if (Call().Match(text) is { Success: true } call && PowerFxText.Closing(text, call.Length - 1) == text.Length - 1)
        {
            var arguments = PowerFxText.SplitTopLevel(text[call.Length..^1], ',').Select(Evaluate).ToList();
            return call.Groups["function"].Value switch
            {
                "Table" => arguments.Cast<IReadOnlyDictionary<string, object>>().ToList(),
                "RGBA" => new Rgba((double)arguments[0], (double)arguments[1], (double)arguments[2], (double)arguments[3]),
                var other => throw new FormatException($"{other}(...) is not a literal."),
            };
        }

        throw new FormatException($"Not a literal: {text}");
    }

    private static int Depth(string text, int position) =>
        PowerFxText.CodePositions(text[..position]).Sum(i => text[i] is '(' or '{' or '[' ? 1 : text[i] is ')' or '}' or ']' ? -1 : 0);

    [GeneratedRegex(@"^\s*(?<name>[A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Name();

    [GeneratedRegex(@"^(?<function>[A-Za-z]+)\s*\(")]
    private static partial Regex Call();
}
