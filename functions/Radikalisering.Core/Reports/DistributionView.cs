namespace Radikalisering.Core.Reports;

/// <summary>A one-way distribution (by age, by reporter or by outcome) as the e-mail shows it.</summary>
public sealed record DistributionView(string Caption, string DimensionLabel, IReadOnlyList<DistributionRow> Rows, long? Total);
