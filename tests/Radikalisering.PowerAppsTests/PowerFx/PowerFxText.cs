using System.Text;

namespace Radikalisering.PowerAppsTests.PowerFx;

/// <summary>
/// Just enough Power Fx lexing to read connector calls and literal named formulas, not a parser: it knows
/// strings ("..." with "" for a quote), quoted names ('...'), comments (// and /* */) and brackets, so it can split
/// a call's arguments or a record's fields at the commas that belong to them.
/// </summary>
internal static class PowerFxText
{
    /// <summary>Splits <paramref name="text"/> at each <paramref name="separator"/> outside strings, names, comments and brackets.</summary>
    public static IReadOnlyList<string> SplitTopLevel(string text, char separator)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i = Skip(text, i))
        {
            var c = text[i];
            if (c is '(' or '{' or '[')
            {
                depth++;
            }
            else if (c is ')' or '}' or ']')
            {
                depth--;
            }
            else if (c == separator && depth == 0)
            {
                parts.Add(text[start..i]);
                start = i + 1;
            }
        }

        parts.Add(text[start..]);
        return parts;
    }

    /// <summary>The index of the bracket that closes the one at <paramref name="open"/>.</summary>
    public static int Closing(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i = Skip(text, i))
        {
            if (text[i] is '(' or '{' or '[')
            {
                depth++;
            }
            else if (text[i] is ')' or '}' or ']' && --depth == 0)
            {
                return i;
            }
        }

        throw new FormatException($"Unbalanced brackets from position {open}: {text[open..]}");
    }

    /// <summary>The positions in <paramref name="text"/> outside strings, quoted names and comments.</summary>
    public static IEnumerable<int> CodePositions(string text)
    {
        for (var i = 0; i < text.Length; i = Skip(text, i))
        {
            if (text[i] is not ('"' or '\'') && !IsCommentStart(text, i))
            {
                yield return i;
            }
        }
    }

    public static string WithoutComments(string text)
    {
        var code = new StringBuilder();
        for (var i = 0; i < text.Length;)
        {
            var next = Skip(text, i);
            if (!IsCommentStart(text, i))
            {
                code.Append(text, i, next - i);
            }

            i = next;
        }

        return code.ToString();
    }

    /// <summary>The string literals in <paramref name="text"/>, unescaped.</summary>
    public static IEnumerable<string> StringLiterals(string text)
    {
        for (var i = 0; i < text.Length;)
        {
            var next = Skip(text, i);
            if (text[i] == '"')
            {
                yield return text[(i + 1)..(next - 1)].Replace("\"\"", "\"", StringComparison.Ordinal);
            }

            i = next;
        }
    }

    /// <summary>A name as written ('b-c' or b) without its quotes.</summary>
    public static string Unquote(string name)
    {
        var trimmed = name.Trim();
        return trimmed.Length >= 2 && trimmed[0] == '\'' && trimmed[^1] == '\''
            ? trimmed[1..^1].Replace("''", "'", StringComparison.Ordinal)
            : trimmed;
    }

    // The index after the token at i: a whole string, quoted name or comment, else one character.
    private static int Skip(string text, int i)
    {
        if (text[i] is '"' or '\'')
        {
            var quote = text[i];
            var j = i + 1;
            while (j < text.Length)
            {
                if (text[j] == quote)
                {
                    if (j + 1 < text.Length && text[j + 1] == quote)
                    {
                        j += 2;
                        continue;
                    }

                    return j + 1;
                }

                j++;
            }

            throw new FormatException($"Unterminated {quote} from position {i}.");
        }

        if (IsCommentStart(text, i))
        {
            if (text[i + 1] == '/')
            {
                var end = text.IndexOf('\n', i);
                return end < 0 ? text.Length : end;
            }

            var close = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
            return close < 0 ? throw new FormatException($"Unterminated comment from position {i}.") : close + 2;
        }

        return i + 1;
    }

    private static bool IsCommentStart(string text, int i) =>
        text[i] == '/' && i + 1 < text.Length && text[i + 1] is '/' or '*';
}
