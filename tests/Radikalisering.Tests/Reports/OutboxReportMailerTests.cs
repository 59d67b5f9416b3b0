using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Radikalisering.Core.Mail;
using Radikalisering.Core.Reports;

namespace Radikalisering.Tests.Reports;

public sealed class OutboxReportMailerTests : IDisposable
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
    public async Task Writes_the_report_as_an_eml_with_the_same_body_and_attachments()
    {
        var options = new ReportOptions
        {
            SenderMailbox = "tk-statistik@kommune.example",
            Recipients = ["direktion@kommune.example"],
            DeliveryMode = ReportDeliveryMode.Outbox,
            OutboxDirectory = _outbox,
        };
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 5, 0, 0, TimeSpan.Zero));
        var mail = await AnnualReportComposer.ComposeAsync(ReportFixtures.Snapshot, [Snapshots.WithTotal(2024, 90)]);

        await new OutboxReportMailer(Microsoft.Extensions.Options.Options.Create(options), time).SendAsync(mail, CancellationToken.None);

        var file = Assert.Single(Directory.GetFiles(_outbox));
        Assert.Equal("aarsrapport-2025-20260105T050000Z.eml", Path.GetFileName(file));
        using var message = await MimeMessage.LoadAsync(file);
        Assert.Equal(mail.Subject, message.Subject);
        Assert.Equal("tk-statistik@kommune.example", message.From.Mailboxes.Single().Address);
        Assert.Equal("direktion@kommune.example", message.To.Mailboxes.Single().Address);
        Assert.Equal(mail.HtmlBody.ReplaceLineEndings(), message.HtmlBody!.ReplaceLineEndings());
        var chart = message.BodyParts.OfType<MimePart>().Single(part => part.ContentId == "trend-chart");
        using var png = new MemoryStream();
        await chart.Content!.DecodeToAsync(png);
        Assert.Equal(mail.Attachments[0].Content.ToArray(), png.ToArray());
        var csv = Assert.Single(message.Attachments.OfType<MimePart>());
        Assert.Equal("bekymringshenvendelser-2025.csv", csv.FileName);
    }
}
