using Radikalisering.Disclosure;

namespace Radikalisering.Core.Statistics;

/// <summary>
/// The last three years together in the API: the years pooled, whether the pooled figures are published (else why
/// not) and, when published, the pooled tables (empty otherwise).
/// </summary>
public sealed record PooledStatisticsView(IReadOnlyList<int> Years, PooledOutcome Outcome, IReadOnlyList<StatisticsTableView> Tables);
