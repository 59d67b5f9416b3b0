using ScottPlot;

namespace Radikalisering.Core.Reports;

/// <summary>
/// Draws the trend as a PNG bar chart (ScottPlot 5 on SkiaSharp) for the e-mail's inline image.
/// Only published totals are drawn; a year whose total is suppressed gets no bar and a marker label.
/// </summary>
public static class TrendChartRenderer
{
    public const int Width = 560;
    public const int Height = 280;

    public static byte[] Render(IReadOnlyList<TrendRow> trend)
    {
        ArgumentNullException.ThrowIfNull(trend);
        var plot = new Plot();
        var bars = trend
            .Select((row, position) => new Bar
            {
                Position = position,
                Value = row.Total ?? 0,
                FillColor = Color.FromHex("#0b3d63"),
                Label = DanishLabels.Figure(row.Total),
            })
            .ToList();
        var barPlot = plot.Add.Bars(bars);
        barPlot.ValueLabelStyle.FontSize = 14;
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
