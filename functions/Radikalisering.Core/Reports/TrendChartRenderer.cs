using ScottPlot;

namespace Radikalisering.Core.Reports;

/// <summary>
/// Draws the trend as a PNG bar chart (ScottPlot 5 on SkiaSharp) for the e-mail's inline image, in the report's
/// sans-serif font. Only published totals are drawn; a year whose total is withheld is a gap with the
/// withheld-figure marker, never a bar of height zero (which would read as "no concerns").
/// </summary>
public static class TrendChartRenderer
{
    public const int Width = 560;
    public const int Height = 280;

    /// <summary>The first installed font of the report body's stack (ReportStyles.Body), so the chart matches the text.</summary>
    private static readonly string SansSerif =
        new[] { "Segoe UI", "Arial", "Helvetica", "DejaVu Sans", "Liberation Sans" }.FirstOrDefault(SkiaSharp.SKFontManager.Default.GetFontFamilies().Contains) ?? Fonts.Sans;

    public static byte[] Render(IReadOnlyList<TrendRow> trend)
    {
        var plot = new Plot();
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
        barPlot.ValueLabelStyle.FontSize = 14;
        foreach (var position in trend.Select((row, position) => (row, position)).Where(pair => pair.row.Total is null).Select(pair => pair.position))
        {
            var marker = plot.Add.Text(DanishLabels.SuppressedMarker, position, 0);
            marker.LabelFontSize = 14;
            marker.LabelAlignment = Alignment.LowerCenter;
            marker.LabelFontColor = Color.FromHex("#4b5563");
        }
        plot.Axes.Bottom.SetTicks(
            trend.Select((_, position) => (double)position).ToArray(),
            trend.Select(row => row.Year.ToString(DanishLabels.Culture)).ToArray());
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Left.Label.Text = "Henvendelser i alt";
        plot.Axes.Margins(bottom: 0, top: 0.2);
        plot.Grid.XAxisStyle.MajorLineStyle.Width = 0;
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }
}
