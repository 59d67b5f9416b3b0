using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Radikalisering.Core.Mail;
using Radikalisering.Core.Reports;
using Radikalisering.TestSupport;

namespace Radikalisering.Tests.Reports;

public sealed class GraphReportMailerTests : IDisposable
{
    private static readonly ReportOptions Options = new()
    {
        SenderMailbox = "tk-statistik@kommune.example",
        Recipients = ["direktion@kommune.example", "chef.tk@kommune.example"],
    };

    private readonly CapturingHttpHandler _graph = new();
    private readonly FixedTokenCredential _credential = new();

    private GraphReportMailer Mailer() =>
        new(ReportGraphClientFactory.Create(_credential, _graph), Microsoft.Extensions.Options.Options.Create(Options));

    public void Dispose() => _graph.Dispose();

    private static Task<ReportMail> MailAsync() =>
        AnnualReportComposer.ComposeAsync(ReportFixtures.Snapshot, [Snapshots.WithTotal(2024, 90)]);

    [Fact]
    public async Task Posts_one_sendMail_for_the_sender_with_html_body_recipients_and_saving_to_sent_items()
    {
        var mail = await MailAsync();

        await Mailer().SendAsync(mail, CancellationToken.None);

        var request = Assert.Single(_graph.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://graph.microsoft.com/v1.0/users/tk-statistik%40kommune.example/sendMail", request.Uri.AbsoluteUri);
        Assert.Equal($"Bearer {FixedTokenCredential.Token}", request.Authorization);
        Assert.Equal([ReportGraphClientFactory.Scope], Assert.Single(_credential.RequestedScopes));
        Assert.Equal("application/json", request.ContentType);

        var body = JsonNode.Parse(request.Body)!;
        // The SDK writes sendMail's two parameters in Pascal case; Graph reads them case-insensitively.
        Assert.True(body["SaveToSentItems"]!.GetValue<bool>());
        var message = body["Message"]!;
        Assert.Equal("Bekymringshenvendelser om radikalisering 2025 – årsopgørelse", message["subject"]!.GetValue<string>());
        Assert.Equal("html", message["body"]!["contentType"]!.GetValue<string>());
        Assert.Equal(mail.HtmlBody, message["body"]!["content"]!.GetValue<string>());
        Assert.Equal(
            Options.Recipients,
            message["toRecipients"]!.AsArray().Select(recipient => recipient!["emailAddress"]!["address"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Attaches_the_inline_chart_and_the_csv_with_their_exact_bytes()
    {
        var mail = await MailAsync();

        await Mailer().SendAsync(mail, CancellationToken.None);

        var attachments = JsonNode.Parse(Assert.Single(_graph.Requests).Body)!["Message"]!["attachments"]!.AsArray();
        Assert.Equal(2, attachments.Count);
        var chart = attachments.Single(attachment => attachment!["name"]!.GetValue<string>() == "udvikling-2025.png")!;
        Assert.Equal("#microsoft.graph.fileAttachment", chart["@odata.type"]!.GetValue<string>());
        Assert.Equal("image/png", chart["contentType"]!.GetValue<string>());
        Assert.Equal("trend-chart", chart["contentId"]!.GetValue<string>());
        Assert.True(chart["isInline"]!.GetValue<bool>());
        Assert.Equal(mail.Attachments[0].Content.ToArray(), Convert.FromBase64String(chart["contentBytes"]!.GetValue<string>()));

        var csv = attachments.Single(attachment => attachment!["name"]!.GetValue<string>() == "bekymringshenvendelser-2025.csv")!;
        Assert.Equal("text/csv", csv["contentType"]!.GetValue<string>());
        Assert.False(csv["isInline"]!.GetValue<bool>());
        Assert.Equal(StatisticsCsvWriter.Write(ReportFixtures.Snapshot), Convert.FromBase64String(csv["contentBytes"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Throttling_is_retried_after_the_time_Retry_After_asks_for()
    {
        _graph.Then(HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromSeconds(1)).Then(HttpStatusCode.Accepted);

        await Mailer().SendAsync(await MailAsync(), CancellationToken.None);

        Assert.Equal(2, _graph.Requests.Count);
        Assert.Equal(_graph.Requests[0].Body, _graph.Requests[1].Body);
        var waited = _graph.Requests[1].At - _graph.Requests[0].At;
        Assert.True(waited >= TimeSpan.FromSeconds(0.9), $"retried after {waited.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task An_unavailable_service_is_retried_and_then_succeeds()
    {
        _graph.Then(HttpStatusCode.ServiceUnavailable, retryAfter: TimeSpan.FromSeconds(1)).Then(HttpStatusCode.Accepted);
        var clock = Stopwatch.StartNew();

        await Mailer().SendAsync(await MailAsync(), CancellationToken.None);

        Assert.Equal(2, _graph.Requests.Count);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9));
    }

    [Fact]
    public async Task A_refusal_means_certainly_not_delivered_and_is_not_retried()
    {
        _graph.Then(
            HttpStatusCode.Forbidden,
            json: """{"error":{"code":"ErrorAccessDenied","message":"Access is denied."}}""");

        var error = await Assert.ThrowsAsync<MailNotDeliveredException>(async () => await Mailer().SendAsync(await MailAsync(), CancellationToken.None));

        Assert.Single(_graph.Requests);
        Assert.Contains("ErrorAccessDenied", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Throttling_that_outlasts_the_retries_means_certainly_not_delivered()
    {
        for (var attempt = 0; attempt <= ReportGraphClientFactory.MaxRetries; attempt++)
        {
            _graph.Then(HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.Zero);
        }

        await Assert.ThrowsAsync<MailNotDeliveredException>(async () => await Mailer().SendAsync(await MailAsync(), CancellationToken.None));

        Assert.Equal(1 + ReportGraphClientFactory.MaxRetries, _graph.Requests.Count);
    }
}
