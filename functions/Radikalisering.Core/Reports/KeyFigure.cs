namespace Radikalisering.Core.Reports;

/// <summary>One headline number of the report; <c>null</c> when it is suppressed.</summary>
public sealed record KeyFigure(string Label, long? Value);
