namespace Radikalisering.Core.Reports;

/// <summary>One earlier (or this) year's published headline figures.</summary>
public sealed record TrendRow(int Year, long? Total, long? Under18, long? Confirmed);
