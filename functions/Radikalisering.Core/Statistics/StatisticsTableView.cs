namespace Radikalisering.Core.Statistics;

/// <summary>A published table in the API.</summary>
public sealed record StatisticsTableView(string Name, IReadOnlyList<string> Dimensions, IReadOnlyList<StatisticsCellView> Cells);
