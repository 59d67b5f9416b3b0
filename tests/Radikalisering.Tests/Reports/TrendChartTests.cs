using Radikalisering.Core.Reports;
using SkiaSharp;

namespace Radikalisering.Tests.Reports;

/// <summary>The trend chart's pixels: bars for published totals, a gap with the marker for a withheld one.</summary>
public sealed class TrendChartTests
{
    private static readonly SKColor Bar = SKColor.Parse("#0b3d63");
    private static bool Near(SKColor pixel, SKColor color) =>
        Math.Abs(pixel.Red - color.Red) <= 6 && Math.Abs(pixel.Green - color.Green) <= 6 && Math.Abs(pixel.Blue - color.Blue) <= 6;

    /// <summary>The marker's blue-grey (#4b5563), also where its anti-aliased edges blend into white; grid and axes are neutral grey.</summary>
    private static bool MarkerInk(SKColor pixel) => pixel.Blue - pixel.Red >= 10 && pixel.Red < 200 && !Near(pixel, Bar);

    /// <summary>The columns between two bars, clear of their outlines' anti-aliasing.</summary>
    private static IEnumerable<int> InsideGap((int First, int Second) gap) => Enumerable.Range(gap.First + 4, gap.Second - gap.First - 7);

    /// <summary>For each pixel column, how many pixels match.</summary>
    private static int[] Columns(SKBitmap chart, Func<SKColor, bool> matches) =>
        Enumerable.Range(0, chart.Width).Select(x => Enumerable.Range(0, chart.Height).Count(y => matches(chart.GetPixel(x, y)))).ToArray();

    [Fact]
    public void A_withheld_year_is_a_gap_with_the_marker_not_a_bar()
    {
        using var chart = SKBitmap.Decode(TrendChartRenderer.Render([new(2023, 30, null, null), new(2024, null, null, null), new(2025, 40, null, null)]));

        var bars = Columns(chart, pixel => Near(pixel, Bar));
        var barColumns = Enumerable.Range(0, chart.Width).Where(x => bars[x] > 0).ToList();
        // Two bars: the columns holding bar pixels fall into two runs with a wide gap between them.
        var gaps = barColumns.Zip(barColumns.Skip(1)).Where(pair => pair.Second - pair.First > 1).ToList();
        var gap = Assert.Single(gaps);
        Assert.True(gap.Second - gap.First > chart.Width / 6, $"the gap between the bars is only {gap.Second - gap.First} px");
        var markers = Columns(chart, MarkerInk);
        Assert.True(InsideGap(gap).Sum(x => markers[x]) > 10, "no marker in the gap");
    }

    [Fact]
    public void A_published_year_is_a_bar()
    {
        using var chart = SKBitmap.Decode(TrendChartRenderer.Render([new(2023, 30, null, null), new(2024, 35, null, null), new(2025, 40, null, null)]));

        var bars = Columns(chart, pixel => Near(pixel, Bar));
        var barColumns = Enumerable.Range(0, chart.Width).Where(x => bars[x] > 0).ToList();
        var gaps = barColumns.Zip(barColumns.Skip(1)).Where(pair => pair.Second - pair.First > 1).ToList();
        Assert.Equal(2, gaps.Count);
        var ink = Columns(chart, MarkerInk);
        Assert.All(gaps, gap => Assert.Equal(0, InsideGap(gap).Sum(x => ink[x])));
    }

    [Fact]
    public void Has_twice_the_pixels_it_is_shown_at()
    {
        using var chart = SKBitmap.Decode(TrendChartRenderer.Render([new(2024, 30, null, null), new(2025, 40, null, null)]));

        Assert.Equal((TrendChartRenderer.Width * 2, TrendChartRenderer.Height * 2), (chart.Width, chart.Height));
    }
}
