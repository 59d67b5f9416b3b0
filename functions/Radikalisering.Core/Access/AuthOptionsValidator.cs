using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Radikalisering.Core.Access;

/// <summary>
/// The header is only trustworthy when the platform sets it. So: EasyAuth mode requires App Service
/// Authentication to be on (<c>WEBSITE_AUTH_ENABLED=True</c>, which strips client-sent
/// <c>X-MS-*</c> headers), and Development mode is refused outside the Development environment.
/// </summary>
internal sealed class AuthOptionsValidator(IConfiguration configuration, IHostEnvironment environment)
    : IValidateOptions<AuthOptions>
{
    public const string PlatformAuthSetting = "WEBSITE_AUTH_ENABLED";

    public ValidateOptionsResult Validate(string? name, AuthOptions options) => options.Mode switch
    {
        AuthMode.EasyAuth when !string.Equals(configuration[PlatformAuthSetting], "True", StringComparison.OrdinalIgnoreCase) =>
            ValidateOptionsResult.Fail(
                $"Auth:Mode is EasyAuth, but App Service Authentication is not enabled ({PlatformAuthSetting} is not 'True'); " +
                $"the {ClientPrincipal.HeaderName} header could be forged."),
        AuthMode.Development when !environment.IsDevelopment() =>
            ValidateOptionsResult.Fail(
                $"Auth:Mode is Development, which trusts a client-supplied {ClientPrincipal.HeaderName}; " +
                $"refused in the '{environment.EnvironmentName}' environment."),
        AuthMode.EasyAuth or AuthMode.Development => ValidateOptionsResult.Success,
        _ => ValidateOptionsResult.Fail($"Auth:Mode '{options.Mode}' is not supported."),
    };
}
