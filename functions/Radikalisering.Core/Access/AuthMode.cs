namespace Radikalisering.Core.Access;

/// <summary>Where the caller's identity comes from (<c>Auth:Mode</c>).</summary>
public enum AuthMode
{
    /// <summary>App Service Authentication in front of the app sets <c>X-MS-CLIENT-PRINCIPAL</c>; clients cannot.</summary>
    EasyAuth,

    /// <summary>Local runs and tests: the developer supplies the header. Refused outside the Development environment.</summary>
    Development,
}
