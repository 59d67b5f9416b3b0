using System.Net;
using System.Text.RegularExpressions;
using Radikalisering.Core.Reports;
using Radikalisering.Core.Statistics;

using Radikalisering.TestSupport;
using Radikalisering.Tests.Reports.Layout;

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

    [Fact]
    public async Task A_table_whose_own_cells_are_all_withheld_is_one_sentence_and_a_partly_withheld_one_keeps_its_markers()
    {
        var html = (await ReportStates.ComposeAsync(ReportStates.LittleToSayTwoWay)).HtmlBody;
        var tables = HtmlTables.Parse(html);

        Assert.Contains(">Fordelingen efter udfaldet af §115-drøftelsen vises ikke, fordi tallene sammen med de viste tal kunne afsløre små grupper.</p>", html, StringComparison.Ordinal);
        Assert.Contains(">Fordelingen efter alder og udfaldet af §115-drøftelsen vises ikke, fordi", html, StringComparison.Ordinal);
        Assert.Contains(">Fordelingen efter hvem henvendelsen kom fra og udfaldet af §115-drøftelsen vises ikke, fordi", html, StringComparison.Ordinal);
        Assert.Equal(["Alder", "Henvendelse fra", "Udviklingen år for år"], tables.Keys);
        Assert.Equal(["Anden myndighed", "skjult", ""], tables["Henvendelse fra"][2]);
        Assert.Equal(["Kommunal medarbejder", "13", "52 %"], tables["Henvendelse fra"][1]);
    }

    [Fact]
    public void A_pooled_table_withheld_whole_names_its_years()
    {
        Assert.Equal(
            "Fordelingen efter alder i årene 2023–2025 vises ikke, fordi tallene sammen med de viste tal kunne afsløre små grupper.",
            DanishLabels.TableWithheld(["age"], "2023–2025"));
    }

    [Fact]
    public async Task A_withheld_key_figure_says_so_in_words_in_its_tile()
    {
        var html = (await ReportStates.ComposeAsync(ReportStates.LittleToSay)).HtmlBody;

        var tiles = Regex.Matches(html, "<td width=\"50%\"[^>]*>(.*?)</td>", RegexOptions.Singleline).Select(tile => Regex.Replace(tile.Groups[1].Value, "<[^>]+>", "|")).ToList();
        Assert.Equal(4, tiles.Count);
        Assert.Contains(tiles, tile => tile.Contains("|25|", StringComparison.Ordinal) && tile.Contains("Henvendelser i alt", StringComparison.Ordinal));
        foreach (var label in new[] { "Bekræftet ved §115-drøftelsen", "Afventer drøftelse" })
        {
            var tile = Assert.Single(tiles, tile => tile.Contains(label, StringComparison.Ordinal));
            Assert.Contains("|Ikke vist|", tile, StringComparison.Ordinal);
            Assert.Contains("|Tallet kunne sammen med de viste tal afsløre en lille gruppe.|", tile, StringComparison.Ordinal);
            Assert.DoesNotContain(DanishLabels.SuppressedMarker, tile, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(ReportStates.RichYear)]
    [InlineData(ReportStates.LittleToSay)]
    [InlineData(ReportStates.UnderK)]
    public async Task No_fixed_width_is_wider_than_a_phone_outside_outlook_s_own_comment(string state)
    {
        var html = (await ReportStates.ComposeAsync(state)).HtmlBody;
        var outsideOutlook = Regex.Replace(html, "<!--\\[if mso\\]>.*?<!\\[endif\\]-->", "", RegexOptions.Singleline);

        Assert.Equal(2, Regex.Count(html, "<!--\\[if mso\\]>"));
        Assert.Contains("max-width:600px", outsideOutlook, StringComparison.Ordinal);
        var fixedWidths = Regex.Matches(outsideOutlook, "<(\\w+)[^>]*\\swidth=\"(\\d+)\"").Select(match => (Tag: match.Groups[1].Value, Width: int.Parse(match.Groups[2].Value))).ToList();
        Assert.All(fixedWidths.Where(width => width.Width > 320), width => Assert.Equal(("img", TrendChartRenderer.Width), width));
        Assert.DoesNotMatch("(?<!max-)width:\\s*(3[2-9]\\d|[4-9]\\d\\d|\\d{4,})px", outsideOutlook);
    }

    [Fact]
    public async Task The_chart_says_its_values_in_its_alt_text_withheld_years_included()
    {
        var html = (await ReportStates.ComposeAsync(ReportStates.LittleToSay)).HtmlBody;

        var alt = WebUtility.HtmlDecode(Regex.Match(html, "<img [^>]*alt=\"([^\"]*)\"").Groups[1].Value);
        Assert.Equal("Søjlediagram over antal henvendelser i alt pr. år: 2022: ikke vist, 2023: 14, 2024: 19, 2025: 25. Tallene står også i tabellen nedenfor.", alt);
        Assert.Contains("style=\"display:block;width:100%;max-width:560px;height:auto;", html, StringComparison.Ordinal);
    }
}
