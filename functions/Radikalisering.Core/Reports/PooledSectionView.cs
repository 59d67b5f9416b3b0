namespace Radikalisering.Core.Reports;

/// <summary>
/// "De seneste tre år samlet" in the e-mail: the pooled tables laid out like the year's, or, when the pooled
/// figures could not be published, the one sentence saying why.
/// </summary>
public sealed record PooledSectionView(
    int FirstYear,
    int LastYear,
    string? NotPublishedReason,
    IReadOnlyList<DistributionView> Distributions,
    IReadOnlyList<CrossTableView> CrossTables)
{
    public string Heading => DanishLabels.PooledHeading(FirstYear, LastYear);

    public bool IsPublished => NotPublishedReason is null;
}
