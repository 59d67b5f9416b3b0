using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using Radikalisering.Core.Mail;
using Radikalisering.Core.Reports;
using Radikalisering.Core.Statistics;

namespace Radikalisering.Tests.Reports;

public sealed class ReportServiceRegistrationTests
{
    private static ServiceProvider Build(string environment, params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Report:SenderMailbox"] = "tk@kommune.example",
                ["Report:Recipients:0"] = "ledelse@kommune.example",
            })
            .AddInMemoryCollection(settings.ToDictionary(setting => setting.Key, setting => (string?)setting.Value))
            .Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = environment })
            .AddAnnualReport()
            .BuildServiceProvider();
    }

    [Fact]
    public void Development_writes_to_the_outbox_unless_told_otherwise()
    {
        using var development = Build(Environments.Development);
        using var graphInDevelopment = Build(Environments.Development, ("Report:DeliveryMode", "Graph"));
        using var production = Build(Environments.Production);

        Assert.Equal(ReportDeliveryMode.Outbox, development.GetRequiredService<IOptions<ReportOptions>>().Value.DeliveryMode);
        Assert.Equal(ReportDeliveryMode.Graph, graphInDevelopment.GetRequiredService<IOptions<ReportOptions>>().Value.DeliveryMode);
        Assert.Equal(ReportDeliveryMode.Graph, production.GetRequiredService<IOptions<ReportOptions>>().Value.DeliveryMode);
    }

    [Fact]
    public void The_outbox_is_refused_outside_development()
    {
        using var production = Build(Environments.Production, ("Report:DeliveryMode", "Outbox"));

        var error = Assert.Throws<OptionsValidationException>(() => production.GetRequiredService<IOptions<ReportOptions>>().Value);
        Assert.Contains("Development only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Disclosure_settings_are_bound_and_validated()
    {
        using var configured = Build(Environments.Production, ("Disclosure:Threshold", "3"), ("Disclosure:Tables:0", "total"), ("Disclosure:SmallTotal", "PublishTotalOnly"));
        using var tooLow = Build(Environments.Production, ("Disclosure:Threshold", "2"));

        var options = configured.GetRequiredService<IOptions<DisclosureOptions>>().Value;
        Assert.Equal((3, Radikalisering.Disclosure.SmallTotalPolicy.PublishTotalOnly), (options.Threshold, options.SmallTotal));
        Assert.Equal([[]], options.PublishedTables);
        Assert.Throws<OptionsValidationException>(() => tooLow.GetRequiredService<IOptions<DisclosureOptions>>().Value);
    }
}
