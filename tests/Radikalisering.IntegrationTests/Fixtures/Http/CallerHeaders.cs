using Radikalisering.Core.Access;

namespace Radikalisering.IntegrationTests.Fixtures.Http;

/// <summary>Builds the <c>X-MS-CLIENT-PRINCIPAL</c> header Easy Auth would send for a caller.</summary>
public static class CallerHeaders
{
    public const string HeaderName = ClientPrincipal.HeaderName;

    public static string For(string objectId, params string[] roles) => ClientPrincipal.CreateHeaderValue(objectId, roles);
}
