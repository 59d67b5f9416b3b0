namespace Radikalisering.Core.Statistics;

/// <summary>
/// The body of <c>GET /api/statistics/{year}</c> and of the report admin endpoints: a year's
/// published (already suppressed) statistics and where the report is in its life.
/// </summary>
public sealed record StatisticsView(
    int Year,
    ReportStatus Status,
    int Threshold,
    string Method,
    bool WholePublicationSuppressed,
    DateTimeOffset CompiledAt,
    DateTimeOffset? SentAt,
    IReadOnlyList<StatisticsTableView> Tables)
{
    public static StatisticsView Of(ReportSnapshot snapshot)
    {
        return new StatisticsView(
            snapshot.Year,
            snapshot.Status,
            snapshot.Threshold,
            snapshot.Method,
            snapshot.WholePublicationSuppressed,
            snapshot.CompiledAt,
            snapshot.SentAt,
            snapshot.Tables.Select(table => new StatisticsTableView(
                    table.Name,
                    table.Dimensions,
                    table.Cells.Select(cell => new StatisticsCellView(
                            table.Dimensions.Zip(cell.Categories).ToDictionary(pair => pair.First, pair => pair.Second, StringComparer.Ordinal),
                            cell.Value,
                            cell.IsSuppressed))
                        .ToList()))
                .ToList());
    }
}
