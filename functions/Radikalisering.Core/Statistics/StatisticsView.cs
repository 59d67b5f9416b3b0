namespace Radikalisering.Core.Statistics;

/// <summary>
/// The body of <c>GET /api/statistics/{year}</c> and of the report admin endpoints: a year's
/// published (already suppressed) statistics, the last three years together when they were pooled,
/// and where the report is in its life.
/// </summary>
public sealed record StatisticsView(
    int Year,
    ReportStatus Status,
    int Threshold,
    string Method,
    bool WholePublicationSuppressed,
    DateTimeOffset CompiledAt,
    DateTimeOffset? SentAt,
    IReadOnlyList<StatisticsTableView> Tables,
    PooledStatisticsView? Pooled)
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
            TablesOf(snapshot.Tables),
            snapshot.Pooled is { } pooled ? new PooledStatisticsView(pooled.Years, pooled.IsPublished, TablesOf(pooled.Tables)) : null);
    }

    private static List<StatisticsTableView> TablesOf(IEnumerable<SnapshotTable> tables) =>
        tables.Select(table => new StatisticsTableView(
                table.Name,
                table.Dimensions,
                table.Cells.Select(cell => new StatisticsCellView(
                        table.Dimensions.Zip(cell.Categories).ToDictionary(pair => pair.First, pair => pair.Second, StringComparer.Ordinal),
                        cell.Value,
                        cell.IsSuppressed))
                    .ToList()))
            .ToList();
}
