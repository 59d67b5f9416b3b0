using System.Net;
using System.Text.RegularExpressions;

namespace Radikalisering.IntegrationTests.Reports;

/// <summary>Reads the data tables of a report e-mail: for each caption, the text of each row's header and cells.</summary>
public static partial class ReportHtml
{
    public static IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<string>>> Tables(string html) =>
        DataTable().Matches(html).ToDictionary(
            table => Text(Caption().Match(table.Value).Groups[1].Value),
            table => (IReadOnlyList<IReadOnlyList<string>>)Row().Matches(table.Value)
                .Select(row => (IReadOnlyList<string>)Cell().Matches(row.Value).Select(cell => Text(cell.Groups[1].Value)).ToList())
                .ToList());

    private static string Text(string html) => WebUtility.HtmlDecode(Tag().Replace(html, "")).Trim();

    [GeneratedRegex("""<table role="table".*?</table>""", RegexOptions.Singleline)]
    private static partial Regex DataTable();

    [GeneratedRegex("<caption[^>]*>(.*?)</caption>", RegexOptions.Singleline)]
    private static partial Regex Caption();

    [GeneratedRegex("<tr[^>]*>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();

    [GeneratedRegex("<t[hd]\\b[^>]*>(.*?)</t[hd]>", RegexOptions.Singleline)]
    private static partial Regex Cell();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
