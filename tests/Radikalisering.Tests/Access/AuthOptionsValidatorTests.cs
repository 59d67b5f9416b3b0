using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Moq;
using Radikalisering.Core.Access;

namespace Radikalisering.Tests.Access;

public sealed class AuthOptionsValidatorTests
{
    [Theory]
    [InlineData("True", true)]
    [InlineData("true", true)]
    [InlineData("False", false)]
    [InlineData(null, false)]
    public void EasyAuth_mode_requires_App_Service_Authentication(string? websiteAuthEnabled, bool valid)
    {
        var validator = Validator("Production", websiteAuthEnabled);

        Assert.Equal(valid, validator.Validate(null, new AuthOptions { Mode = AuthMode.EasyAuth }).Succeeded);
    }

    [Theory]
    [InlineData("Development", true)]
    [InlineData("Production", false)]
    public void Development_mode_is_only_allowed_in_Development(string environment, bool valid)
    {
        var validator = Validator(environment, websiteAuthEnabled: null);

        Assert.Equal(valid, validator.Validate(null, new AuthOptions { Mode = AuthMode.Development }).Succeeded);
    }

    private static AuthOptionsValidator Validator(string environment, string? websiteAuthEnabled)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [AuthOptionsValidator.PlatformAuthSetting] = websiteAuthEnabled })
            .Build();
        return new AuthOptionsValidator(configuration, Mock.Of<IHostEnvironment>(host => host.EnvironmentName == environment));
    }
}
