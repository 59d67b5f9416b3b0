namespace Radikalisering.Core.Operations;

/// <summary>What <see cref="OperationsCheck"/> found: the year whose report is overdue, if any, and the poison messages waiting.</summary>
public sealed record OperationsFindings(int? OverdueReportYear, int PoisonMessages);
