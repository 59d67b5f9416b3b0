namespace Radikalisering.Core.Access;

/// <summary>The Entra ID app roles of docs/design.md (Access).</summary>
public static class AppRoles
{
    /// <summary>TK staff: record, read, correct and delete concerns.</summary>
    public const string ConcernsReadWrite = "Concerns.ReadWrite";

    /// <summary>Leadership: read the published (suppressed) statistics.</summary>
    public const string ReportsRead = "Reports.Read";

    /// <summary>IT operations: compile and send the annual report on demand.</summary>
    public const string ReportsAdmin = "Reports.Admin";
}
