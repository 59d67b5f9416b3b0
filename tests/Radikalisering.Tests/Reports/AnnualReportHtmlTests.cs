using System.Text.RegularExpressions;
using Radikalisering.Core.Reports;
using Radikalisering.Core.Statistics;

using Radikalisering.TestSupport;

namespace Radikalisering.Tests.Reports;

public sealed class AnnualReportHtmlTests
{
    private static async Task<string> RenderAsync(ReportSnapshot snapshot, params ReportSnapshot[] earlier) =>
        (await AnnualReportComposer.ComposeAsync(snapshot, earlier)).HtmlBody;

    [Fact]
    public async Task Is_a_Danish_document_titled_with_the_year()
    {
        var html = await RenderAsync(ReportFixtures.Snapshot);

        Assert.StartsWith("<!DOCTYPE html>", html.TrimStart(), StringComparison.Ordinal);
        Assert.Contains("<html lang=\"da\">", html, StringComparison.Ordinal);
        Assert.Contains("<title>Bekymringshenvendelser om radikalisering 2025</title>", html, StringComparison.Ordinal);
        Assert.Contains(">Bekymringshenvendelser om radikalisering 2025</h1>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Uses_inline_css_and_table_layout_only()
    {
        var html = await RenderAsync(ReportFixtures.Snapshot);

        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("class=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<div", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("name=\"viewport\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_header_cell_has_a_scope()
    {
        var html = await RenderAsync(ReportFixtures.Snapshot, Snapshots.WithTotal(2024, 80));

        var headers = Regex.Matches(html, "<th\\b[^>]*>").Select(match => match.Value).ToList();
        Assert.True(headers.Count > 20, $"only {headers.Count} header cells");
        Assert.All(headers, header => Assert.Matches("scope=\"(col|row)\"", header));
    }

    [Fact]
    public async Task Shows_the_key_figures_and_the_distributions_with_danish_labels()
    {
        var html = await RenderAsync(ReportFixtures.Snapshot);
        var tables = HtmlTables.Parse(html);

        Assert.Contains(">110</p>", html, StringComparison.Ordinal);
        Assert.Contains("Henvendelser i alt", html, StringComparison.Ordinal);
        Assert.Equal(["Under 18 år", "35", "32 %"], tables["Alder"][1]);
        Assert.Equal(["18 år og derover", "75", "68 %"], tables["Alder"][2]);
        Assert.Equal(["I alt", "110", ""], tables["Alder"][3]);
        Assert.Equal(["Andre", "17", "15 %"], tables["Henvendelse fra"][3]);
        Assert.Equal(["Bekræftet", "34", "31 %"], tables["Udfald af §115-drøftelsen"][2]);
        Assert.Equal(
            ["Under 18 år", "12", "7", "16", "35"],
            tables["Alder og udfald af §115-drøftelsen"][1]);
        Assert.Equal(
            ["I alt", "26", "34", "50", "110"],
            tables["Alder og udfald af §115-drøftelsen"][3]);
    }

    [Fact]
    public async Task Suppressed_cells_show_the_marker_never_zero_and_never_their_value()
    {
        var snapshot = ReportFixtures.Snapshot;
        var published = snapshot.Tables.SelectMany(table => table.Cells).Where(cell => !cell.IsSuppressed).Select(cell => cell.Value!.Value);
        Assert.Empty(ReportFixtures.HiddenValues.Intersect(published));

        var html = await RenderAsync(snapshot);
        var crossTable = HtmlTables.Parse(html)["Henvendelse fra og udfald af §115-drøftelsen"];

        Assert.Equal(["Anden myndighed", "skjult", "skjult", "17", "35"], crossTable[2]);
        Assert.Equal(["Andre", "skjult", "skjult", "8", "17"], crossTable[3]);
        var cells = HtmlTables.DataCells(html).ToList();
        Assert.DoesNotContain(cells, cell => ReportFixtures.HiddenValues.Select(value => value.ToString()).Contains(cell));
        Assert.Equal(4, cells.Count(cell => cell == DanishLabels.SuppressedMarker));
    }

    [Fact]
    public async Task Shows_the_trend_of_the_last_five_years_as_table_and_inline_chart()
    {
        var earlier = Enumerable.Range(2019, 6).Select(year => Snapshots.WithTotal(year, year - 1990)).ToArray();

        var mail = await AnnualReportComposer.ComposeAsync(ReportFixtures.Snapshot, earlier);
        var trend = HtmlTables.Parse(mail.HtmlBody)["Udviklingen år for år"];

        Assert.Equal(["2021", "2022", "2023", "2024", "2025"], trend.Skip(1).Select(row => row[0]));
        Assert.Equal(["31", "32", "33", "34", "110"], trend.Skip(1).Select(row => row[1]));
        Assert.Contains("src=\"cid:trend-chart\"", mail.HtmlBody, StringComparison.Ordinal);
        var chart = Assert.Single(mail.Attachments, attachment => attachment.IsInline);
        Assert.Equal(("udvikling-2025.png", "image/png", "trend-chart"), (chart.FileName, chart.ContentType, chart.InlineContentId));
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, chart.Content[..4].ToArray());
    }

    [Fact]
    public async Task Explains_the_method_in_plain_danish()
    {
        var html = await RenderAsync(ReportFixtures.Snapshot);

        Assert.Contains("Tal under 5 vises ikke", html, StringComparison.Ordinal);
        Assert.Contains("2. januar 2026", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_year_suppressed_as_a_whole_shows_no_figures()
    {
        var snapshot = ReportFixtures.Snapshot with
        {
            WholePublicationSuppressed = true,
            Tables = ReportFixtures.Snapshot.Tables
                .Select(table => table with { Cells = table.Cells.Select(cell => cell with { Value = null }).ToList() })
                .ToList(),
        };

        var mail = await AnnualReportComposer.ComposeAsync(snapshot, []);

        Assert.Contains("færre end 5 henvendelser i 2025 – måske ingen", mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Nøgletal", mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain(mail.Attachments, attachment => attachment.IsInline);
        Assert.DoesNotContain("cid:", mail.HtmlBody, StringComparison.Ordinal);
        Assert.All(HtmlTables.DataCells(mail.HtmlBody), cell => Assert.Equal(DanishLabels.SuppressedMarker, cell));
    }
}
