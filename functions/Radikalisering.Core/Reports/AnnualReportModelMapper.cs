using Radikalisering.Core.Statistics;

namespace Radikalisering.Core.Reports;

/// <summary>Arranges a snapshot's published tables, and earlier years' snapshots, into what the e-mail shows.</summary>
public static class AnnualReportModelMapper
{
    /// <summary>How many years, this one included, the trend covers.</summary>
    public const int TrendYears = 5;

    public static AnnualReportModel Create(ReportSnapshot snapshot, IReadOnlyList<ReportSnapshot> trend, string? chartContentId)
    {
        return new AnnualReportModel(
            snapshot.Year,
            snapshot.Threshold,
            snapshot.WholePublicationSuppressed,
            KeyFigures(snapshot),
            snapshot.Tables.Where(table => table.Dimensions.Count == 1).Select(table => Distribution(snapshot, table)).ToList(),
            snapshot.Tables.Where(table => table.Dimensions.Count == 2).Select(table => CrossTable(snapshot, table)).ToList(),
            trend.Where(year => year.Year > snapshot.Year - TrendYears && year.Year <= snapshot.Year)
                .OrderBy(year => year.Year)
                .Select(TrendRowOf)
                .ToList(),
            chartContentId,
            snapshot.CompiledAt);
    }

    private static List<KeyFigure> KeyFigures(ReportSnapshot snapshot)
    {
        var figures = new List<KeyFigure>();
        if (FindTable(snapshot) is not null)
        {
            figures.Add(new KeyFigure("Henvendelser i alt", snapshot.Total));
        }

        if (FindTable(snapshot, ConcernDimensions.Age) is { } age)
        {
            figures.Add(new KeyFigure("Om personer under 18 år", age.Cell(ConcernDimensions.Under18).Value));
        }

        if (FindTable(snapshot, ConcernDimensions.Outcome) is { } outcome)
        {
            figures.Add(new KeyFigure("Bekræftet ved §115-drøftelsen", outcome.Cell("confirmed").Value));
            figures.Add(new KeyFigure("Afventer drøftelse", outcome.Cell("pending").Value));
        }

        return figures;
    }

    private static DistributionView Distribution(ReportSnapshot snapshot, SnapshotTable table)
    {
        var dimension = table.Dimensions[0];
        var rows = ConcernDimensions.CategoriesOf(dimension)
            .Select(category => table.Cell(category))
            .Select(cell => new DistributionRow(
                DanishLabels.Category(dimension, cell.Categories[0]),
                cell.Value,
                DanishLabels.Share(cell.Value, snapshot.Total)))
            .ToList();
        return new DistributionView(DanishLabels.Dimension(dimension), rows, snapshot.Total);
    }

    private static CrossTableView CrossTable(ReportSnapshot snapshot, SnapshotTable table)
    {
        var (rowDimension, columnDimension) = (table.Dimensions[0], table.Dimensions[1]);
        var columns = ConcernDimensions.CategoriesOf(columnDimension);
        var rowMargin = FindTable(snapshot, rowDimension);
        var columnMargin = FindTable(snapshot, columnDimension);
        var hasMargins = rowMargin is not null && columnMargin is not null;

        var rows = ConcernDimensions.CategoriesOf(rowDimension)
            .Select(row => new CrossTableRow(
                DanishLabels.Category(rowDimension, row),
                columns.Select(column => table.Cell(row, column).Value).ToList(),
                hasMargins ? rowMargin!.Cell(row).Value : null))
            .ToList();
        var totalRow = hasMargins
            ? new CrossTableRow(DanishLabels.Total, columns.Select(column => columnMargin!.Cell(column).Value).ToList(), snapshot.Total)
            : null;

        return new CrossTableView(
            DanishLabels.TableTitle(table.Dimensions),
            DanishLabels.Dimension(rowDimension),
            columns.Select(column => DanishLabels.Category(columnDimension, column)).ToList(),
            rows,
            totalRow);
    }

    private static TrendRow TrendRowOf(ReportSnapshot snapshot) => new(
        snapshot.Year,
        snapshot.Total,
        FindTable(snapshot, ConcernDimensions.Age)?.Cell(ConcernDimensions.Under18).Value,
        FindTable(snapshot, ConcernDimensions.Outcome)?.Cell("confirmed").Value);

    private static SnapshotTable? FindTable(ReportSnapshot snapshot, params string[] dimensions) =>
        snapshot.Tables.FirstOrDefault(table => table.Dimensions.SequenceEqual(dimensions, StringComparer.Ordinal));
}
