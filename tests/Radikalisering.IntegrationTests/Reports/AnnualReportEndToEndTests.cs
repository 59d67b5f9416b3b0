using System.Net;
using System.Text;
using Radikalisering.Core.Access;
using Radikalisering.Core.Audit;
using Radikalisering.Core.Reports;
using Radikalisering.Core.Statistics;
using Radikalisering.IntegrationTests.Fixtures.Azurite;
using Radikalisering.IntegrationTests.Fixtures.Http;

using Radikalisering.TestSupport;

namespace Radikalisering.IntegrationTests.Reports;

/// <summary>
/// Issue 4's check: concerns submitted through the HTTP API, the year compiled and sent by the
/// services, and exactly one Graph sendMail whose HTML holds the published figures and no
/// suppressed value.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AnnualReportEndToEndTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Concerns_submitted_through_the_api_reach_leadership_once_as_published_figures_only()
    {
        await using var host = await ReportTestHost.StartAsync(azurite);
        var year = Years.FewFromOthers(2025);
        using (var staff = host.CreateClient("33333333-3333-3333-3333-333333333333", AppRoles.ConcernsReadWrite))
        {
            foreach (var concern in year.AsRequests())
            {
                var created = await staff.PostAsync("/api/concerns", ApiJson.Body(concern));
                Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            }
        }

        var compiled = await host.Get<AnnualStatisticsCompiler>().CompileAsync(2025, CancellationToken.None);
        var sent = (await host.Get<ReportSender>().SendAsync(2025, ReportRequester.Automatic, AuditEntry.SystemCaller, CancellationToken.None)).Outcome;
        var sentAgain = (await host.Get<ReportSender>().SendAsync(2025, ReportRequester.Automatic, AuditEntry.SystemCaller, CancellationToken.None)).Outcome;

        Assert.Equal((SendOutcome.Sent, SendOutcome.AlreadySent), (sent, sentAgain));
        var mail = Assert.Single(host.Graph().SentMessages);
        Assert.Equal(
            ReportTestHost.Recipients,
            mail["Message"]!["toRecipients"]!.AsArray().Select(recipient => recipient!["emailAddress"]!["address"]!.GetValue<string>()));
        var html = host.Graph().SingleHtml();
        var tables = HtmlTables.Parse(html);
        var snapshot = compiled.Snapshot;

        // Every figure where it belongs: the published value, or the marker (never 0) where suppressed; a table
        // withheld whole is the one sentence saying so.
        Assert.Contains(">79</p>", html, StringComparison.Ordinal);
        Assert.Equal(["Under 18 år", "35"], tables["Alder"][1].Take(2));
        Assert.Equal(["18 år og derover", "44"], tables["Alder"][2].Take(2));
        Assert.Equal(["27", "28", "24"], tables[DanishLabels.TableTitle(["outcome"])].Skip(1).Take(3).Select(row => row[1]));
        foreach (var table in snapshot.Tables.Where(table => table.Dimensions.Count is 1 or 2))
        {
            if (table.Cells.All(cell => cell.IsSuppressed))
            {
                Assert.Contains($">{DanishLabels.TableWithheld(table.Dimensions, period: null)}</p>", html, StringComparison.Ordinal);
                Assert.DoesNotContain(DanishLabels.TableTitle(table.Dimensions), tables.Keys);
                continue;
            }

            var rendered = tables[DanishLabels.TableTitle(table.Dimensions)];
            foreach (var cell in table.Cells)
            {
                var row = rendered.Single(row => row[0] == DanishLabels.Category(table.Dimensions[0], cell.Categories[0]));
                var column = table.Dimensions.Count == 1
                    ? 1
                    : 1 + ConcernDimensions.CategoriesOf(table.Dimensions[1]).ToList().IndexOf(cell.Categories[1]);
                Assert.Equal(DanishLabels.Figure(cell.Value), row[column]);
            }
        }

        // The suppressed cells: the small group and its complements, each shown only as the marker.
        var suppressed = snapshot.Tables.SelectMany(table => table.Cells.Where(cell => cell.IsSuppressed)
            .Select(cell => year.TrueValue(table.Dimensions, cell.Categories))).ToList();
        Assert.Contains(3L, suppressed);
        var publishedValues = snapshot.Tables.SelectMany(table => table.Cells).Where(cell => !cell.IsSuppressed).Select(cell => cell.Value!.Value).ToHashSet();
        var giveaways = suppressed.Where(value => !publishedValues.Contains(value)).Select(value => value.ToString()).ToHashSet();
        Assert.NotEmpty(giveaways);
        Assert.DoesNotContain(tables.Values.SelectMany(rows => rows).SelectMany(cells => cells.Skip(1)), giveaways.Contains);

        var csv = mail["Message"]!["attachments"]!.AsArray().Single(attachment => attachment!["name"]!.GetValue<string>() == "bekymringshenvendelser-2025.csv")!;
        var csvLines = Encoding.UTF8.GetString(Convert.FromBase64String(csv["contentBytes"]!.GetValue<string>())).Split("\r\n");
        Assert.Equal(suppressed.Count, csvLines.Count(line => line.EndsWith(";skjult", StringComparison.Ordinal)));
        Assert.DoesNotContain(csvLines.Skip(1).Select(line => line.Split(';').Last()), giveaways.Contains);
    }
}
