using Radikalisering.Core.Mail;
using Radikalisering.Core.Statistics;

namespace Radikalisering.Core.Reports;

/// <summary>Turns a year's snapshot, and the snapshots of the years before it, into the report e-mail.</summary>
public static class AnnualReportComposer
{
    public const string ChartContentId = "trend-chart";

    public static string Subject(int year) => $"Bekymringshenvendelser om radikalisering {year} – årsopgørelse";

    public static string CsvFileName(int year) => $"bekymringshenvendelser-{year}.csv";

    public static string ChartFileName(int year) => $"udvikling-{year}.png";

    /// <param name="snapshot">The year to report.</param>
    /// <param name="earlierYears">Snapshots of earlier years for the trend; others are ignored.</param>
    public static async Task<ReportMail> ComposeAsync(ReportSnapshot snapshot, IEnumerable<ReportSnapshot> earlierYears)
    {
        var trendSnapshots = earlierYears.Where(earlier => earlier.Year < snapshot.Year).Append(snapshot).ToList();
        var model = AnnualReportModelMapper.Create(snapshot, trendSnapshots, ChartContentId);

        var attachments = new List<MailAttachment>();
        if (model.Trend.Any(row => row.Total is not null))
        {
            attachments.Add(new MailAttachment(ChartFileName(snapshot.Year), "image/png", TrendChartRenderer.Render(model.Trend), ChartContentId));
        }
        else
        {
            model = model with { ChartContentId = null };
        }

        attachments.Add(new MailAttachment(CsvFileName(snapshot.Year), "text/csv", StatisticsCsvWriter.Write(snapshot), InlineContentId: null));

        var html = await AnnualReportHtmlRenderer.RenderAsync(model);
        return new ReportMail(snapshot.Year, Subject(snapshot.Year), html, attachments);
    }
}
