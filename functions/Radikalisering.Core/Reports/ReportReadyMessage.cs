namespace Radikalisering.Core.Reports;

/// <summary>The body of a <c>report-ready</c> queue message.</summary>
public sealed record ReportReadyMessage(int Year);
