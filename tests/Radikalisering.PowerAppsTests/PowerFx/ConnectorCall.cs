using System.Text.RegularExpressions;

namespace Radikalisering.PowerAppsTests.PowerFx;

/// <summary>
/// An argument of a call: its text without comments, and the parameter name written before it as a comment
/// (<c>/*If-Match*/ varConcern.etag</c>). Power Apps passes required connector parameters by position; the label
/// lets a test see which parameter the app meant, so a renamed or reordered parameter cannot go unnoticed.
/// </summary>
internal sealed partial record Argument(string Text, string? Label)
{
    public static Argument Parse(string raw)
    {
        var label = LeadingLabel().Match(raw);
        return new Argument(PowerFxText.WithoutComments(raw).Trim(), label.Success ? label.Groups["name"].Value : null);
    }

    public override string ToString() => Label is null ? Text : $"/*{Label}*/ {Text}";

    public bool IsRecord => Text.StartsWith('{') && Text.EndsWith('}') && PowerFxText.Closing(Text, 0) == Text.Length - 1;

    /// <summary>The fields of a record argument <c>{ a: 1, 'b-c': 2 }</c>, by name.</summary>
    public IReadOnlyList<(string Name, string Value)> Fields() =>
        PowerFxText.SplitTopLevel(Text[1..^1], ',')
            .Where(field => !string.IsNullOrWhiteSpace(field))
            .Select(field =>
            {
                var parts = PowerFxText.SplitTopLevel(field, ':');
                return parts.Count < 2
                    ? throw new FormatException($"Not a record field: {field}")
                    : (PowerFxText.Unquote(parts[0]), string.Join(":", parts.Skip(1)).Trim());
            })
            .ToList();

    [GeneratedRegex(@"^\s*/\*\s*(?<name>[^*]+?)\s*\*/")]
    private static partial Regex LeadingLabel();
}

/// <summary>A call <c>Connector.Operation(arguments)</c> found in a formula.</summary>
internal sealed record ConnectorCall(string Operation, IReadOnlyList<Argument> Arguments, string Text)
{
    /// <summary>Every call of <paramref name="connector"/>'s operations in <paramref name="formula"/>, nested ones included.</summary>
    public static IEnumerable<ConnectorCall> FindAll(string formula, string connector)
    {
        var prefix = connector + ".";
        foreach (var position in PowerFxText.CodePositions(formula))
        {
            if (string.CompareOrdinal(formula, position, prefix, 0, prefix.Length) != 0
                || (position > 0 && (char.IsLetterOrDigit(formula[position - 1]) || formula[position - 1] is '_' or '.')))
            {
                continue;
            }

            var nameStart = position + prefix.Length;
            var nameEnd = nameStart;
            while (nameEnd < formula.Length && (char.IsLetterOrDigit(formula[nameEnd]) || formula[nameEnd] == '_'))
            {
                nameEnd++;
            }

            var open = nameEnd;
            while (open < formula.Length && char.IsWhiteSpace(formula[open]))
            {
                open++;
            }

            if (nameEnd == nameStart || open >= formula.Length || formula[open] != '(')
            {
                throw new FormatException($"{connector} is used other than as a call at: {formula[position..Math.Min(formula.Length, position + 60)]}");
            }

            var close = PowerFxText.Closing(formula, open);
            var inside = formula[(open + 1)..close];
            var arguments = string.IsNullOrWhiteSpace(PowerFxText.WithoutComments(inside))
                ? []
                : PowerFxText.SplitTopLevel(inside, ',').Select(Argument.Parse).ToList();
            yield return new ConnectorCall(formula[nameStart..nameEnd], arguments, formula[position..(close + 1)]);
        }
    }
}
