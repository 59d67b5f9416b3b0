namespace Radikalisering.Core.Http;

/// <summary>
/// The HTTP API's routes, relative to the Functions host's <c>api</c> prefix. Shared by the
/// trigger attributes, the in-memory test host and the connector contract test.
/// </summary>
public static class Routes
{
    public const string Prefix = "api";

    public const string Concerns = "concerns";
    public const string Concern = "concerns/{year:int}/{id:guid}";
    public const string Statistics = "statistics/{year:int}";
    public const string CompileReport = "reports/{year:int}/compile";
    public const string SendReport = "reports/{year:int}/send";
}
