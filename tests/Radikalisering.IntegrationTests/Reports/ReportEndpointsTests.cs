using System.Net;
using System.Text.Json.Nodes;
using Radikalisering.Core.Access;
using Radikalisering.Core.Reports;
using Radikalisering.IntegrationTests.Fixtures.Azurite;
using Radikalisering.IntegrationTests.Fixtures.Http;
using Radikalisering.IntegrationTests.Integrity;
using Radikalisering.Core.Audit;

namespace Radikalisering.IntegrationTests.Reports;

[Collection(AzuriteCollection.Name)]
public sealed class ReportEndpointsTests(AzuriteFixture azurite, SharedReportHost shared) : IClassFixture<SharedReportHost>
{
    private const string Operator = "11111111-1111-1111-1111-111111111111";
    private const string Leader = "22222222-2222-2222-2222-222222222222";

    private ApiTestHost Host => shared.Host;

    [Fact]
    public async Task An_operator_compiles_and_sends_and_leadership_reads_the_published_figures()
    {
        // Its own host: it compiles and sends 2025, which happens once per host.
        await using var host = await ReportTestHost.StartAsync(azurite);
        await Years.AllCellsLarge(2025).SeedAsync(host);
        using var admin = host.CreateClient(Operator, AppRoles.ReportsAdmin);
        using var leader = host.CreateClient(Leader, AppRoles.ReportsRead);

        var before = await leader.GetAsync("/api/statistics/2025");
        var compiled = await admin.PostAsync("/api/reports/2025/compile", null);
        var sent = await admin.PostAsync("/api/reports/2025/send", null);
        var read = await leader.GetAsync("/api/statistics/2025");

        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        Assert.Contains("2025", (await before.ReadProblemAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, compiled.StatusCode);
        Assert.Equal("compiled", JsonNode.Parse(await compiled.Content.ReadAsStringAsync())!["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Single(host.Graph().SentMessages);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.NotNull(read.Headers.ETag);
        var body = JsonNode.Parse(await read.Content.ReadAsStringAsync())!;
        Assert.Equal("sent", body["status"]!.GetValue<string>());
        Assert.Equal(5, body["threshold"]!.GetValue<int>());
        var total = body["tables"]!.AsArray().Single(table => table!["name"]!.GetValue<string>() == "total")!;
        Assert.Equal(108, total["cells"]![0]!["value"]!.GetValue<long>());
        var byAge = body["tables"]!.AsArray().Single(table => table!["name"]!.GetValue<string>() == "age")!;
        var under18 = byAge["cells"]!.AsArray().Single(cell => cell!["categories"]!["age"]!.GetValue<string>() == "under18")!;
        Assert.Equal((54L, false), (under18["value"]!.GetValue<long>(), under18["suppressed"]!.GetValue<bool>()));

        var audit = await AuditTrail.ReadAsync(azurite, host);
        Assert.Contains((Operator, AuditActions.CompileReport, "2025", "Succeeded"), audit);
        Assert.Contains((Operator, AuditActions.SendReport, "2025", "Succeeded"), audit);
        Assert.Contains((Leader, AuditActions.ReadStatistics, "2025", "Succeeded"), audit);
    }

    [Fact]
    public async Task A_second_send_is_refused_and_mails_nothing()
    {
        // Its own host: it compiles and sends 2025, which happens once per host.
        await using var host = await ReportTestHost.StartAsync(azurite);
        await Years.AllCellsLarge(2025).SeedAsync(host);
        using var admin = host.CreateClient(Operator, AppRoles.ReportsAdmin);
        await admin.PostAsync("/api/reports/2025/compile", null);
        await admin.PostAsync("/api/reports/2025/send", null);

        var again = await admin.PostAsync("/api/reports/2025/send", null);
        var recompile = await admin.PostAsync("/api/reports/2025/compile", null);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("allerede sendt", (await again.ReadProblemAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, recompile.StatusCode);
        Assert.Single(host.Graph().SentMessages);
    }

    [Fact]
    public async Task An_interrupted_send_is_resent_only_by_an_operator_and_only_once_the_claim_is_stale()
    {
        // Its own host: it compiles and sends 2025, which happens once per host.
        await using var host = await ReportTestHost.StartAsync(azurite);
        await Years.AllCellsLarge(2025).SeedAsync(host);
        await host.Get<Core.Statistics.AnnualStatisticsCompiler>().CompileAsync(2025, CancellationToken.None);
        host.Graph().AcceptThenDropConnection();
        await Assert.ThrowsAsync<HttpRequestException>(() => host.Get<ReportReadyHandler>().HandleAsync("""{"year":2025}""", CancellationToken.None));
        using var admin = host.CreateClient(Operator, AppRoles.ReportsAdmin);

        var tooEarly = await admin.PostAsync("/api/reports/2025/send", null);
        host.Time.Advance(ReportSender.StaleClaimAfter);
        var resent = await admin.PostAsync("/api/reports/2025/send", null);

        Assert.Equal(HttpStatusCode.Conflict, tooEarly.StatusCode);
        Assert.Contains("15 minutter", (await tooEarly.ReadProblemAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        Assert.Equal(2, host.Graph().SentMessages.Count);
    }

    [Fact]
    public async Task Sending_a_year_never_compiled_is_not_found()
    {
        using var admin = Host.CreateClient(Operator, AppRoles.ReportsAdmin);

        var response = await admin.PostAsync("/api/reports/2024/send", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("/api/reports/2024/compile", (await response.ReadProblemAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_year_that_has_not_ended_cannot_be_compiled()
    {
        using var admin = Host.CreateClient(Operator, AppRoles.ReportsAdmin);

        var response = await admin.PostAsync("/api/reports/2026/compile", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadProblemAsync();
        Assert.NotNull(problem["errors"]!["year"]);
        Assert.Null(await Host.Get<Core.Statistics.ReportSnapshotStore>().GetAsync(2026, CancellationToken.None));
    }

    [Theory]
    [InlineData("GET", "/api/statistics/2025", AppRoles.ConcernsReadWrite)]
    [InlineData("POST", "/api/reports/2025/compile", AppRoles.ReportsRead)]
    [InlineData("POST", "/api/reports/2025/send", AppRoles.ReportsRead)]
    public async Task The_wrong_role_is_forbidden_and_audited(string method, string path, string role)
    {
        using var caller = Host.CreateClient(Leader, role);
        var mark = await StoreMark.SetAsync(azurite, Host);

        var response = await caller.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await response.ReadProblemAsync();
        var audit = Assert.Single(await mark.NewAuditRowsAsync());
        Assert.Equal((Leader, "2025", "Forbidden"), (audit.GetString(AuditLogColumns.Who), audit.GetString(AuditLogColumns.SubjectId), audit.GetString(AuditLogColumns.Result)));
        Assert.Empty(Host.Graph().SentMessages);
    }

    [Fact]
    public async Task An_anonymous_caller_is_unauthorized_and_audited()
    {
        using var anonymous = Host.CreateClient();
        var mark = await StoreMark.SetAsync(azurite, Host);

        var response = await anonymous.GetAsync("/api/statistics/2025");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(401, (int)(await response.ReadProblemAsync())["status"]!);
        var audit = Assert.Single(await mark.NewAuditRowsAsync());
        Assert.Equal(("anonymous", "2025", "Unauthenticated"), (audit.GetString(AuditLogColumns.Who), audit.GetString(AuditLogColumns.SubjectId), audit.GetString(AuditLogColumns.Result)));
    }
}
