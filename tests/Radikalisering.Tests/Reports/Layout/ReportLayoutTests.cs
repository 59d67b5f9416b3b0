using System.Text.Json;
using Radikalisering.Core.Mail;
using Radikalisering.Core.Reports;

namespace Radikalisering.Tests.Reports.Layout;

/// <summary>Starts one headless Chromium for the layout tests; it fails them all when Chromium is missing.</summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    internal HeadlessChromium Browser { get; private set; } = null!;

    public async Task InitializeAsync() => Browser = await HeadlessChromium.StartAsync();

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
    }
}

/// <summary>
/// The report's HTML in a real browser, at a small phone's width (320 px), a common phone's (390 px) and a
/// desktop's (1280 px): nothing is wider than the screen, and the chart is shown at its CSS width from twice
/// the pixels. Each render's screenshot is written to <c>TestResults/report-screenshots/{state}-{width}.png</c>
/// at the repository root, for a person to look at, next to the page itself (<c>{state}.html</c>).
/// </summary>
public sealed class ReportLayoutTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    /// <summary>What the page reports about itself once loaded: its widths, every element reaching outside the viewport, its images.</summary>
    private const string Measure = """
        JSON.stringify({
          innerWidth: window.innerWidth,
          scrollWidth: document.documentElement.scrollWidth,
          outside: [...document.body.querySelectorAll('*')]
            .map(element => ({ element, box: element.getBoundingClientRect() }))
            .filter(({ box }) => (box.width > 0 || box.height > 0) && (box.left < -0.5 || box.right > window.innerWidth + 0.5))
            .map(({ element, box }) => `<${element.tagName.toLowerCase()}> ${Math.round(box.left)}..${Math.round(box.right)}: ${(element.textContent || '').trim().slice(0, 50)}`),
          images: [...document.images].map(image => ({ loaded: image.complete && image.naturalWidth > 0, width: image.width, naturalWidth: image.naturalWidth }))
        })
        """;

    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    public static TheoryData<string, int> Renders()
    {
        var renders = new TheoryData<string, int>();
        foreach (var state in ReportStates.All)
        {
            foreach (var width in new[] { 320, 390, 1280 })
            {
                renders.Add(state, width);
            }
        }

        return renders;
    }

    [Theory]
    [MemberData(nameof(Renders))]
    public async Task Nothing_is_wider_than_the_screen(string state, int width)
    {
        var mail = await ReportStates.ComposeAsync(state);

        var (page, screenshot) = await RenderAsync(mail, state, width);
        await File.WriteAllBytesAsync(Path.Combine(ScreenshotDirectory(), $"{state}-{width}.png"), screenshot);

        Assert.Equal(width, page.InnerWidth);
        Assert.True(page.ScrollWidth <= width, $"the page scrolls sideways: {page.ScrollWidth} px wide in a {width} px viewport");
        Assert.Empty(page.Outside);
        Assert.All(page.Images, image => Assert.True(image.Loaded, "an image did not load"));
        Assert.Equal(mail.Attachments.Count(attachment => attachment.IsInline), page.Images.Count);
    }

    [Fact]
    public async Task The_chart_is_shown_at_its_css_width_from_twice_the_pixels_and_shrinks_on_a_phone()
    {
        var mail = await ReportStates.ComposeAsync(ReportStates.RichYear);

        var (desktop, _) = await RenderAsync(mail, ReportStates.RichYear, 1280);
        var (phone, _) = await RenderAsync(mail, ReportStates.RichYear, 320);

        var chart = Assert.Single(desktop.Images);
        Assert.Equal((TrendChartRenderer.Width, TrendChartRenderer.Width * TrendChartRenderer.PixelScale), (chart.Width, chart.NaturalWidth));
        Assert.InRange(Assert.Single(phone.Images).Width, 200, 320);
    }

    /// <summary>
    /// The mail in a viewport <paramref name="width"/> px wide, at a phone's pixel density below 600 px. The page is kept
    /// next to the screenshots as <c>{name}.html</c>, to open in any browser.
    /// </summary>
    private async Task<(MeasuredPage Page, byte[] Screenshot)> RenderAsync(ReportMail mail, string name, int width)
    {
        var file = Path.Combine(ScreenshotDirectory(), $"{name}.html");
        await File.WriteAllTextAsync(file, WithInlineImages(mail));
        var (measured, screenshot) = await chromium.Browser.RenderAsync(file, width, deviceScaleFactor: width < 600 ? 2 : 1, Measure);
        return (JsonSerializer.Deserialize<MeasuredPage>(measured, WebJson)!, screenshot);
    }

    /// <summary>The mail with each inline image's <c>cid:</c> reference replaced by the image itself, as a mail client shows it.</summary>
    private static string WithInlineImages(ReportMail mail) =>
        mail.Attachments.Where(attachment => attachment.IsInline).Aggregate(
            mail.HtmlBody,
            (html, image) => html.Replace($"cid:{image.InlineContentId}", $"data:{image.ContentType};base64,{Convert.ToBase64String(image.Content.Span)}", StringComparison.Ordinal));

    private static string ScreenshotDirectory()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Radikalisering.Functions.sln")))
        {
            root = root.Parent;
        }

        var directory = Path.Combine(root?.FullName ?? AppContext.BaseDirectory, "TestResults", "report-screenshots");
        Directory.CreateDirectory(directory);
        return directory;
    }

    private sealed record MeasuredPage(int InnerWidth, int ScrollWidth, IReadOnlyList<string> Outside, IReadOnlyList<MeasuredImage> Images);

    private sealed record MeasuredImage(bool Loaded, int Width, int NaturalWidth);
}
