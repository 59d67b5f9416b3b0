namespace Radikalisering.Core.Reports;

/// <summary>Everything the Danish report e-mail shows, already reduced to published figures.</summary>
public sealed record AnnualReportModel(
    int Year,
    int Threshold,
    bool WholePublicationSuppressed,
    IReadOnlyList<KeyFigure> KeyFigures,
    IReadOnlyList<DistributionView> Distributions,
    IReadOnlyList<CrossTableView> CrossTables,
    PooledSectionView? Pooled,
    IReadOnlyList<TrendRow> Trend,
    string? ChartContentId,
    DateTimeOffset CompiledAt)
{
    public string Title => $"Bekymringshenvendelser om radikalisering {Year}";
}
