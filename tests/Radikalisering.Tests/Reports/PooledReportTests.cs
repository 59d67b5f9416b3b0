using System.Text;
using Radikalisering.Core.Reports;
using Radikalisering.Core.Statistics;
using Radikalisering.Disclosure;
using Radikalisering.TestSupport;

namespace Radikalisering.Tests.Reports;

/// <summary>"De seneste tre år samlet" in the e-mail and the CSV.</summary>
public sealed class PooledReportTests
{
    /// <summary>2023–2025 together, age × reporter × outcome, outcome fastest: 74 concerns.</summary>
    private static readonly long[] PooledCube =
    [
        6, 7, 5,   5, 1, 6,   2, 1, 0,   // under 18: municipal employee, other authority, other
        8, 9, 7,   4, 5, 6,   1, 1, 0,   // adult
    ];

    /// <summary>Withheld in the pooled tables; true values 3, 2, 9 and 6.</summary>
    private static readonly string[] PooledWithheld =
    [
        "reporter,outcome:other,pending",
        "reporter,outcome:other,confirmed",
        "reporter,outcome:otherAuthority,pending",
        "reporter,outcome:otherAuthority,confirmed",
    ];

    private static ReportSnapshot SparseYear(PooledSnapshot? pooled) => ReportFixtures.Snapshot with { Pooled = pooled };

    private static ReportSnapshot YearUnderK(PooledSnapshot? pooled) => Snapshots.WithheldWhole(2025) with { Pooled = pooled };

    private static PooledSnapshot Published => Snapshots.Pooled(2025, PooledOutcome.Published, PooledCube, PooledWithheld);

    private static async Task<string> HtmlAsync(ReportSnapshot snapshot) => (await AnnualReportComposer.ComposeAsync(snapshot, [])).HtmlBody;

    private static string[] CsvLines(ReportSnapshot snapshot) =>
        Encoding.UTF8.GetString(StatisticsCsvWriter.Write(snapshot)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public async Task A_sparse_year_adds_the_three_years_together_laid_out_like_its_own_tables()
    {
        var html = await HtmlAsync(SparseYear(Published));
        var tables = HtmlTables.Parse(html);

        Assert.Contains(">De seneste tre år samlet (2023–2025)</h2>", html, StringComparison.Ordinal);
        Assert.Equal(["Under 18 år", "33", "45 %"], tables["Alder, 2023–2025"][1]);
        Assert.Equal(["I alt", "74", ""], tables["Alder, 2023–2025"][3]);
        Assert.Equal(["Andre", "skjult", "skjult", "0", "5"], tables["Henvendelse fra og udfald af §115-drøftelsen, 2023–2025"][3]);
        Assert.Equal(["I alt", "26", "24", "24", "74"], tables["Henvendelse fra og udfald af §115-drøftelsen, 2023–2025"][4]);
        // The year's own tables are still there, unchanged, and both sets have the same shape.
        Assert.Equal(["Under 18 år", "35", "32 %"], tables["Alder"][1]);
        Assert.Equal(tables["Alder"].Select(row => row.Count), tables["Alder, 2023–2025"].Select(row => row.Count));
        Assert.Equal(5 + 1 + 5, tables.Count);
    }

    [Fact]
    public async Task Withheld_pooled_cells_look_exactly_like_the_years_withheld_cells()
    {
        var html = await HtmlAsync(SparseYear(Published));

        var withheld = System.Text.RegularExpressions.Regex.Matches(html, "<td[^>]*>skjult</td>").Select(match => match.Value).ToList();
        Assert.Equal(4 + 4, withheld.Count);
        Assert.Single(withheld.Distinct());
        Assert.Equal(8, HtmlTables.DataCells(html).Count(cell => cell == DanishLabels.SuppressedMarker));
    }

    [Fact]
    public async Task A_year_under_k_says_it_had_too_few_and_points_to_the_three_years_together()
    {
        var html = await HtmlAsync(YearUnderK(Published));

        Assert.Contains(
            "Der kom færre end 5 henvendelser i 2025 – måske ingen. Det er for få til at vise året alene, uden at en person kan genkendes, så årets tal vises ikke; " +
            "et år helt uden henvendelser vises på samme måde. Se i stedet de seneste tre år samlet (2023–2025) nedenfor.",
            html,
            StringComparison.Ordinal);
        Assert.DoesNotContain("Nøgletal", html, StringComparison.Ordinal);
        Assert.Equal(["I alt", "26", "24", "24", "74"], HtmlTables.Parse(html)["Alder og udfald af §115-drøftelsen, 2023–2025"][3]);
    }

    [Theory]
    [InlineData(PooledOutcome.NothingPrintable, "De seneste tre år samlet (2023–2025) kan ikke vises, fordi de samlede tal sammen med de tal, der allerede er vist for hvert år, ville kunne afsløre små grupper eller ændrede tal.")]
    [InlineData(PooledOutcome.YearChangedSincePublication, "De seneste tre år samlet (2023–2025) kan ikke vises, fordi de samlede tal sammen med de tal, der allerede er vist for hvert år, ville kunne afsløre små grupper eller ændrede tal.")]
    [InlineData(PooledOutcome.YearNotFromLadder, "De seneste tre år samlet (2023–2025) vises ikke, fordi et af de tidligere år blev offentliggjort efter den tidligere metode, som de samlede tal ikke kan kontrolleres sammen med.")]
    public async Task Pooling_that_was_not_published_says_so_once_in_one_sentence_and_shows_no_pooled_figure(PooledOutcome outcome, string why)
    {
        var snapshot = YearUnderK(Snapshots.Pooled(2025, outcome, PooledCube));

        var html = await HtmlAsync(snapshot);

        Assert.Contains($">{why}</p>", html, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "2023–2025"));
        Assert.DoesNotContain(">De seneste tre år samlet (2023–2025)</h2>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Se i stedet", html, StringComparison.Ordinal);
        Assert.DoesNotContain(HtmlTables.Parse(html).Keys, caption => caption.EndsWith("2023–2025", StringComparison.Ordinal));
        Assert.DoesNotContain(CsvLines(snapshot), line => line.StartsWith("2023–2025", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_change_since_an_earlier_year_was_published_reads_exactly_like_nothing_printable()
    {
        var changed = await HtmlAsync(YearUnderK(Snapshots.Pooled(2025, PooledOutcome.YearChangedSincePublication, PooledCube)));
        var nothing = await HtmlAsync(YearUnderK(Snapshots.Pooled(2025, PooledOutcome.NothingPrintable, PooledCube)));

        Assert.Equal(nothing, changed);
    }

    [Fact]
    public async Task A_year_without_pooling_has_no_pooled_section_nor_note()
    {
        var html = await HtmlAsync(SparseYear(pooled: null));

        Assert.DoesNotContain("tre år", html, StringComparison.Ordinal);
        Assert.DoesNotContain("2023", html, StringComparison.Ordinal);
        Assert.Equal(1 + 24, CsvLines(SparseYear(pooled: null)).Length);
    }

    [Fact]
    public async Task The_method_note_says_what_is_pooled_and_that_the_differences_are_checked()
    {
        var html = await HtmlAsync(SparseYear(Published));

        Assert.Contains("Må et år skjule tal, lægges det sammen med de to foregående år", html, StringComparison.Ordinal);
        Assert.Contains("det kontrolleres, at forskellen mellem de samlede tal og årenes egne tal ikke afslører et skjult tal", html, StringComparison.Ordinal);
        Assert.Contains("de seneste tre år samlet", AnnualStatisticsCompiler.Method, StringComparison.Ordinal);
        Assert.Contains("forskellen mellem de samlede tal og årenes egne tal", AnnualStatisticsCompiler.Method, StringComparison.Ordinal);
    }

    [Fact]
    public void The_csv_adds_the_pooled_cells_with_the_period_as_their_year_and_the_same_marker()
    {
        var lines = CsvLines(SparseYear(Published));

        Assert.Equal(1 + 24 + 24, lines.Length);
        Assert.Contains("2023–2025;I alt;I alt;I alt;I alt;74", lines);
        Assert.Contains("2023–2025;Alder og udfald af §115-drøftelsen;Under 18 år;I alt;Bekræftet;9", lines);
        Assert.Contains("2023–2025;Henvendelse fra og udfald af §115-drøftelsen;I alt;Andre;Afventer;skjult", lines);
        Assert.Equal(4, lines.Count(line => line.StartsWith("2023–2025", StringComparison.Ordinal) && line.EndsWith(";skjult", StringComparison.Ordinal)));
        Assert.Contains("2025;I alt;I alt;I alt;I alt;110", lines);
    }
}
