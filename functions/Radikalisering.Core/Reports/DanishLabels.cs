using System.Globalization;
using Radikalisering.Core.Localization;
using Radikalisering.Core.Statistics;
using Radikalisering.Disclosure;

namespace Radikalisering.Core.Reports;

/// <summary>The Danish words leadership reads for dimensions, categories and figures.</summary>
public static class DanishLabels
{
    public const string Total = "I alt";

    /// <summary>What every suppressed cell shows, in the e-mail and the CSV alike.</summary>
    public const string SuppressedMarker = "skjult";

    /// <summary>What a key-figure tile shows instead of a withheld figure, with <see cref="WithheldFigureReason"/> under it.</summary>
    public const string WithheldFigure = "Ikke vist";

    /// <summary>
    /// Why a figure is withheld, true of every withheld figure: a complementary one may be large, so it never says "too few".
    /// </summary>
    public const string WithheldFigureReason = "Tallet kunne sammen med de viste tal afsløre en lille gruppe.";

    public static CultureInfo Culture { get; } = CultureInfo.GetCultureInfo("da-DK");

    /// <summary>A dimension's name (labels.da.json "dimensions"), or the dimension itself when it has none.</summary>
    public static string Dimension(string dimension) =>
        DanishTexts.TryGet("dimensions", dimension, out var label) ? label : dimension;

    /// <summary>A category's name (labels.da.json, the section named by the dimension), or the category itself when it has none.</summary>
    public static string Category(string dimension, string category) =>
        DanishTexts.TryGet(dimension, category, out var label) ? label : category;

    /// <summary>
    /// The one sentence that replaces a table whose every figure is withheld: which table, and why, true of every
    /// withheld figure (see <see cref="WithheldFigureReason"/>).
    /// </summary>
    /// <param name="period">The pooled years ("2023–2025"); <c>null</c> for the year's own table.</param>
    public static string TableWithheld(IReadOnlyList<string> dimensions, string? period)
    {
        var by = string.Join(" og ", dimensions.Select(SentenceDimension));
        var years = period is null ? "" : $" i årene {period}";
        return $"Fordelingen efter {by}{years} vises ikke, fordi tallene sammen med de viste tal kunne afsløre små grupper.";
    }

    private static string SentenceDimension(string dimension) => dimension switch
    {
        ConcernDimensions.Age => "alder",
        ConcernDimensions.Reporter => "hvem henvendelsen kom fra",
        ConcernDimensions.Outcome => "udfaldet af §115-drøftelsen",
        _ => dimension,
    };

    /// <summary>A table's title from its dimensions: "I alt", "Alder", "Alder og udfald af §115-drøftelsen".</summary>
    public static string TableTitle(IReadOnlyList<string> dimensions)
    {
        return dimensions.Count == 0
            ? Total
            : string.Join(" og ", dimensions.Select((dimension, position) =>
                position == 0 ? Dimension(dimension) : Dimension(dimension).ToLower(Culture)));
    }

    /// <summary>The years pooled as a period: "2023–2025".</summary>
    public static string Period(int firstYear, int lastYear) => string.Create(Culture, $"{firstYear}–{lastYear}");

    public static string PooledHeading(int firstYear, int lastYear) => $"De seneste tre år samlet ({Period(firstYear, lastYear)})";

    /// <summary>
    /// Why the years together are not shown, in one sentence that names them and says nothing about any figure. A change since an
    /// earlier year was published is worded like "nothing printable": telling them apart would tell the reader that
    /// an earlier year's figures changed (or that a year withheld as too few has reached k). Only a publication by the
    /// former method, which every reader can see from that year's report, is named.
    /// </summary>
    public static string PooledNotPublished(PooledOutcome outcome, int firstYear, int lastYear) => outcome switch
    {
        PooledOutcome.NothingPrintable or PooledOutcome.YearChangedSincePublication =>
            $"{PooledHeading(firstYear, lastYear)} kan ikke vises, fordi de samlede tal sammen med de tal, der allerede er vist for hvert år, ville kunne afsløre små grupper eller ændrede tal.",
        PooledOutcome.YearNotFromLadder =>
            $"{PooledHeading(firstYear, lastYear)} vises ikke, fordi et af de tidligere år blev offentliggjort efter den tidligere metode, som de samlede tal ikke kan kontrolleres sammen med.",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "A published outcome has no reason."),
    };

    /// <summary>
    /// <paramref name="label"/> with soft hyphens (U+00AD) where its long words may break, so a table of them fits a
    /// 320 px phone screen; elsewhere the hyphens are invisible. For the e-mail's table headers only: the CSV keeps the words whole.
    /// </summary>
    public static string Hyphenated(string label) =>
        string.Join(' ', label.Split(' ').Select(word => HyphenatedWords.GetValueOrDefault(word, word)));

    private static readonly Dictionary<string, string> HyphenatedWords = new[]
    {
        "Af-venter", "Be-kræftet", "Af-kræftet", "med-arbejder", "myn-dighed", "Henven-delse",
    }.ToDictionary(word => word.Replace("-", "", StringComparison.Ordinal), word => word.Replace('-', '\u00AD'), StringComparer.Ordinal);

    /// <summary>A published figure as leadership reads it: the number, or the marker when it is suppressed.</summary>
    public static string Figure(long? value) =>
        value is { } number ? number.ToString("N0", Culture) : SuppressedMarker;

    /// <summary>A share in per cent, only when both figures are published.</summary>
    public static string Share(long? part, long? whole) =>
        part is { } p && whole is > 0 ? string.Create(Culture, $"{(double)p / whole.Value * 100:N0} %") : "";
}
