using Radikalisering.Core.Statistics;

namespace Radikalisering.Core.Reports;

/// <summary>What a request to mail a year's report did, and the snapshot as marked sent when this request sent it.</summary>
public sealed record SendResult(SendOutcome Outcome, ReportSnapshot? Sent = null);

/// <summary>What a request to mail a year's report did.</summary>
public enum SendOutcome
{
    /// <summary>This call mailed the report and marked the snapshot sent.</summary>
    Sent,

    /// <summary>No snapshot for the year: compile it first.</summary>
    NotCompiled,

    /// <summary>The snapshot was already marked sent; nothing was mailed.</summary>
    AlreadySent,

    /// <summary>Another run claimed the snapshot for mailing (now or earlier); nothing was mailed.</summary>
    ClaimedByAnotherRun,
}
