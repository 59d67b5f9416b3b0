namespace Radikalisering.Core.Reports;

/// <summary>One category of a one-way distribution with its share of the total, when both are published.</summary>
public sealed record DistributionRow(string Label, long? Value, string Share);
