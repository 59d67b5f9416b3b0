namespace Radikalisering.Core.Http;

/// <summary>
/// The HTTP API's routes, relative to the Functions host's <c>api</c> prefix. Shared by the
/// trigger attributes, the in-memory test host and the connector contract test. A year is four digits
/// (<c>length(4)</c>): with the handlers' range check only its canonical spelling names a year.
/// </summary>
public static class Routes
{
    public const string Prefix = "api";

    public const string Concerns = "concerns";
    public const string Concern = "concerns/{year:int:length(4)}/{id:guid}";
    public const string Statistics = "statistics/{year:int:length(4)}";
    public const string CompileReport = "reports/{year:int:length(4)}/compile";
    public const string SendReport = "reports/{year:int:length(4)}/send";
    public const string VerifyAuditTrail = "audit-trail/verify";
    public const string Backups = "backups";
    public const string RestoreBackup = "backups/{run}/restore";
    public const string Health = "health";

    /// <summary>Every path: the catch-all that answers what no other route took.</summary>
    public const string Unmatched = "{*path}";
}
