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
            Distributions(snapshot.Tables, period: null),
            CrossTables(snapshot.Tables, period: null),
            snapshot.Pooled is { } pooled ? PooledSection(pooled) : null,
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
        if (FindTable(snapshot.Tables) is not null)
        {
            figures.Add(new KeyFigure("Henvendelser i alt", snapshot.Total));
        }

        if (FindTable(snapshot.Tables, ConcernDimensions.Age) is { } age)
        {
            figures.Add(new KeyFigure("Om personer under 18 år", age.Cell(ConcernDimensions.Under18).Value));
        }

        if (FindTable(snapshot.Tables, ConcernDimensions.Outcome) is { } outcome)
        {
            figures.Add(new KeyFigure("Bekræftet ved §115-drøftelsen", outcome.Cell("confirmed").Value));
            figures.Add(new KeyFigure("Afventer drøftelse", outcome.Cell("pending").Value));
        }

        return figures;
    }

    private static PooledSectionView PooledSection(PooledSnapshot pooled)
    {
        var period = DanishLabels.Period(pooled.FirstYear, pooled.LastYear);
        return pooled.IsPublished
            ? new PooledSectionView(pooled.FirstYear, pooled.LastYear, null, Distributions(pooled.Tables, period), CrossTables(pooled.Tables, period))
            : new PooledSectionView(pooled.FirstYear, pooled.LastYear, DanishLabels.PooledNotPublished(pooled.Outcome, pooled.FirstYear, pooled.LastYear), [], []);
    }

    /// <param name="period">Added to the captions of the pooled tables ("Alder, 2023–2025"); <c>null</c> for the year's own.</param>
    private static List<DistributionView> Distributions(IReadOnlyList<SnapshotTable> tables, string? period)
    {
        var total = TotalOf(tables);
        return tables.Where(table => table.Dimensions.Count == 1).Select(table =>
        {
            var dimension = table.Dimensions[0];
            var rows = ConcernDimensions.CategoriesOf(dimension)
                .Select(category => table.Cell(category))
                .Select(cell => new DistributionRow(
                    DanishLabels.Category(dimension, cell.Categories[0]),
                    cell.Value,
                    DanishLabels.Share(cell.Value, total)))
                .ToList();
            var label = DanishLabels.Dimension(dimension);
            return new DistributionView(Caption(label, period), label, rows, total, WithheldSentence(table, period));
        }).ToList();
    }

    private static List<CrossTableView> CrossTables(IReadOnlyList<SnapshotTable> tables, string? period) =>
        tables.Where(table => table.Dimensions.Count == 2).Select(table => CrossTable(tables, table, period)).ToList();

    private static CrossTableView CrossTable(IReadOnlyList<SnapshotTable> tables, SnapshotTable table, string? period)
    {
        var (rowDimension, columnDimension) = (table.Dimensions[0], table.Dimensions[1]);
        var columns = ConcernDimensions.CategoriesOf(columnDimension);
        var rowMargin = FindTable(tables, rowDimension);
        var columnMargin = FindTable(tables, columnDimension);
        var hasMargins = rowMargin is not null && columnMargin is not null;

        var rows = ConcernDimensions.CategoriesOf(rowDimension)
            .Select(row => new CrossTableRow(
                DanishLabels.Category(rowDimension, row),
                columns.Select(column => table.Cell(row, column).Value).ToList(),
                hasMargins ? rowMargin!.Cell(row).Value : null))
            .ToList();
        var totalRow = hasMargins
            ? new CrossTableRow(DanishLabels.Total, columns.Select(column => columnMargin!.Cell(column).Value).ToList(), TotalOf(tables))
            : null;

        return new CrossTableView(
            Caption(DanishLabels.TableTitle(table.Dimensions), period),
            DanishLabels.Dimension(rowDimension),
            columns.Select(column => DanishLabels.Category(columnDimension, column)).ToList(),
            rows,
            totalRow,
            WithheldSentence(table, period));
    }

    /// <summary>The sentence that replaces <paramref name="table"/> when none of its own cells is published (its margins may be).</summary>
    private static string? WithheldSentence(SnapshotTable table, string? period) =>
        table.Cells.All(cell => cell.IsSuppressed) ? DanishLabels.TableWithheld(table.Dimensions, period) : null;

    private static string Caption(string title, string? period) => period is null ? title : $"{title}, {period}";

    private static TrendRow TrendRowOf(ReportSnapshot snapshot) => new(
        snapshot.Year,
        snapshot.Total,
        FindTable(snapshot.Tables, ConcernDimensions.Age)?.Cell(ConcernDimensions.Under18).Value,
        FindTable(snapshot.Tables, ConcernDimensions.Outcome)?.Cell("confirmed").Value);

    private static long? TotalOf(IReadOnlyList<SnapshotTable> tables) => FindTable(tables)?.Cells.SingleOrDefault()?.Value;

    private static SnapshotTable? FindTable(IReadOnlyList<SnapshotTable> tables, params string[] dimensions) =>
        tables.FirstOrDefault(table => table.Dimensions.SequenceEqual(dimensions, StringComparer.Ordinal));
}
