using System.Net;
using System.Text.RegularExpressions;

namespace Radikalisering.TestSupport;

/// <summary>Reads the data tables of the report e-mail: caption and the text of every header and cell, row by row.</summary>
internal static partial class HtmlTables
{
    public static IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<string>>> Parse(string html) =>
        DataTable().Matches(html).ToDictionary(
            table => Text(Caption().Match(table.Value).Groups[1].Value),
            table => (IReadOnlyList<IReadOnlyList<string>>)Row().Matches(table.Value)
                .Select(row => (IReadOnlyList<string>)Cell().Matches(row.Value).Select(cell => Text(cell.Groups[1].Value)).ToList())
                .ToList());

    public static IEnumerable<string> DataCells(string html) =>
        DataTable().Matches(html).SelectMany(table => DataCell().Matches(table.Value)).Select(cell => Text(cell.Groups[1].Value));

    /// <summary>A cell's text as read: without its tags and without the soft hyphens that let its long words break.</summary>
    private static string Text(string html) => WebUtility.HtmlDecode(Tag().Replace(html, "")).Replace("\u00AD", "", StringComparison.Ordinal).Trim();

    [GeneratedRegex("""<table role="table".*?</table>""", RegexOptions.Singleline)]
    private static partial Regex DataTable();

    [GeneratedRegex("<caption[^>]*>(.*?)</caption>", RegexOptions.Singleline)]
    private static partial Regex Caption();

    [GeneratedRegex("<tr[^>]*>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();

    [GeneratedRegex("<t[hd]\\b[^>]*>(.*?)</t[hd]>", RegexOptions.Singleline)]
    private static partial Regex Cell();

    [GeneratedRegex("<td\\b[^>]*>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex DataCell();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
