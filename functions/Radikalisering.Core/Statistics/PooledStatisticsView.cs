namespace Radikalisering.Core.Statistics;

/// <summary>
/// The last three years together in the API: the years pooled, whether the pooled figures are published and, when
/// they are, the pooled tables (empty otherwise). Why they are not published is not said here: a change since an
/// earlier year was published must look like "nothing printable" to readers (the compile logs the reason).
/// </summary>
public sealed record PooledStatisticsView(IReadOnlyList<int> Years, bool Published, IReadOnlyList<StatisticsTableView> Tables);
