using MimeKit;
using Radikalisering.Core.Reports;
using Radikalisering.IntegrationTests.Fixtures.Azurite;

namespace Radikalisering.IntegrationTests.Reports;

/// <summary>Locally (Development, no <c>Report:DeliveryMode</c>) the January run writes the report to the outbox instead of mailing it.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class OutboxDeliveryTests(AzuriteFixture azurite) : IDisposable
{
    private readonly string _outbox = Path.Combine(Path.GetTempPath(), "outbox-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_outbox))
        {
            Directory.Delete(_outbox, recursive: true);
        }
    }

    [Fact]
    public async Task The_january_run_writes_one_eml_to_the_outbox_in_development()
    {
        await using var host = await ReportTestHost.StartAsync(azurite, options =>
        {
            options.Settings.Remove("Report:DeliveryMode");
            options.Settings["Report:OutboxDirectory"] = _outbox;
        });
        await Years.AllCellsLarge(2025).SeedAsync(host);

        await host.Get<CompileAnnualReportJob>().RunAsync(CancellationToken.None);
        foreach (var message in await host.DrainReportReadyAsync())
        {
            await host.Get<ReportReadyHandler>().HandleAsync(message, CancellationToken.None);
        }

        Assert.Empty(host.Graph().SentMessages);
        var file = Assert.Single(Directory.GetFiles(_outbox, "*.eml"));
        using var mail = await MimeMessage.LoadAsync(file);
        Assert.Equal(AnnualReportComposer.Subject(2025), mail.Subject);
        Assert.Equal(ReportTestHost.Recipients, mail.To.Mailboxes.Select(mailbox => mailbox.Address));
        Assert.Contains(">108</p>", mail.HtmlBody, StringComparison.Ordinal);
    }
}
