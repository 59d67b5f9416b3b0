using ScottPlot;

namespace Radikalisering.Core.Reports;

/// <summary>
/// Draws the trend as a PNG bar chart (ScottPlot 5 on SkiaSharp) for the e-mail's inline image, in the report's
/// sans-serif font. Only published totals are drawn; a year whose total is withheld is a gap with the
/// withheld-figure marker, never a bar of height zero (which would read as "no concerns"). The PNG has
/// <see cref="PixelScale"/> times the pixels of the <see cref="Width"/> × <see cref="Height"/> it is shown at, so it
/// stays sharp on high-density screens.
/// </summary>
public static class TrendChartRenderer
{
    /// <summary>The width in CSS pixels the e-mail shows the chart at (at most; narrower on a phone).</summary>
    public const int Width = 560;
    public const int Height = 300;

    /// <summary>Image pixels per CSS pixel: sharp on 2× screens, and still small to mail (a five-year chart is 30–40 kB).</summary>
    public const int PixelScale = 2;

    /// <summary>Large for a chart of its size: on a 320 px phone it is shown at half its width, and must still be read.</summary>
    private const float LabelSize = 17;

    /// <summary>The first installed font of the report body's stack (ReportStyles.Body), so the chart matches the text.</summary>
    private static readonly string SansSerif =
        new[] { "Segoe UI", "Arial", "Helvetica", "DejaVu Sans", "Liberation Sans" }.FirstOrDefault(SkiaSharp.SKFontManager.Default.GetFontFamilies().Contains) ?? Fonts.Sans;

    public static byte[] Render(IReadOnlyList<TrendRow> trend)
    {
        var plot = new Plot { ScaleFactor = PixelScale };
        plot.Font.Set(SansSerif);
        var bars = trend
            .Select((row, position) => (row, position))
            .Where(pair => pair.row.Total is not null)
            .Select(pair => new Bar
            {
                Position = pair.position,
                Value = pair.row.Total!.Value,
                FillColor = Color.FromHex("#0b3d63"),
                Label = DanishLabels.Figure(pair.row.Total),
            })
            .ToList();
        var barPlot = plot.Add.Bars(bars);
        barPlot.ValueLabelStyle.FontSize = LabelSize + 2;
        foreach (var position in trend.Select((row, position) => (row, position)).Where(pair => pair.row.Total is null).Select(pair => pair.position))
        {
            var marker = plot.Add.Text(DanishLabels.SuppressedMarker, position, 0);
            marker.LabelFontSize = LabelSize;
            marker.LabelAlignment = Alignment.LowerCenter;
            marker.LabelFontColor = Color.FromHex("#4b5563");
        }
        plot.Axes.Bottom.SetTicks(
            trend.Select((_, position) => (double)position).ToArray(),
            trend.Select(row => row.Year.ToString(DanishLabels.Culture)).ToArray());
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.TickLabelStyle.FontSize = LabelSize;
        plot.Axes.Left.TickLabelStyle.FontSize = LabelSize;
        plot.Axes.Left.Label.Text = "Henvendelser i alt";
        plot.Axes.Left.Label.FontSize = LabelSize;
        plot.Axes.Margins(bottom: 0, top: 0.2);
        plot.Grid.XAxisStyle.MajorLineStyle.Width = 0;
        return plot.GetImageBytes(Width * PixelScale, Height * PixelScale, ImageFormat.Png);
    }

    /// <summary>The chart's values in words, for screen readers and mail clients that block images.</summary>
    public static string AltText(IReadOnlyList<TrendRow> trend) =>
        $"Søjlediagram over antal henvendelser i alt pr. år: {string.Join(", ", trend.Select(row => $"{row.Year}: {(row.Total is null ? DanishLabels.WithheldFigure.ToLower(DanishLabels.Culture) : DanishLabels.Figure(row.Total))}"))}. Tallene står også i tabellen nedenfor.";
}
