namespace Radikalisering.Core.Reports;

/// <summary>Who asks for the report to be mailed: the queue trigger, or an operator on purpose.</summary>
public enum ReportRequester
{
    Automatic,
    Operator,
}
