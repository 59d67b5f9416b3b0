using System.Net;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Radikalisering.Core.Access;
using Radikalisering.Core.Audit;
using Radikalisering.Core.Concerns;
using Radikalisering.IntegrationTests.Concerns;
using Radikalisering.IntegrationTests.Fixtures.Azurite;
using Radikalisering.IntegrationTests.Fixtures.Http;
using Radikalisering.IntegrationTests.Integrity;

namespace Radikalisering.IntegrationTests.Access;

[Collection(AzuriteCollection.Name)]
public sealed class AccessAndAuditTests(AzuriteFixture azurite, SharedApiHost shared) : IClassFixture<SharedApiHost>
{
    private const string Leader = "00000000-0000-0000-0000-0000000000bb";

    private ApiTestHost Host => shared.Host;

    [Fact]
    public async Task A_caller_without_a_principal_gets_401_and_it_is_audited()
    {
        using var anonymous = Host.CreateClient();
        var mark = await StoreMark.SetAsync(azurite, Host);

        using var response = await anonymous.PostAsync(ConcernRequests.Example);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await response.ReadProblemAsync();
        var entry = Assert.Single(await mark.NewAuditRowsAsync());
        Assert.Equal((AuditEntry.AnonymousCaller, AuditActions.CreateConcern, "Unauthenticated"), (Who(entry), Action(entry), Result(entry)));
    }

    [Fact]
    public async Task A_caller_without_the_staff_role_gets_403_it_is_audited_and_nothing_is_read()
    {
        using var staff = Host.CreateClient(ConcernRequests.Staff, AppRoles.ConcernsReadWrite);
        var mark = await StoreMark.SetAsync(azurite, Host);
        using var leader = Host.CreateClient(Leader, AppRoles.ReportsRead, AppRoles.ReportsAdmin);
        var (concern, _) = await staff.CreateAsync();

        using var response = await leader.GetAsync(ConcernRequests.UrlOf(concern));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("2026-03-14", body, StringComparison.Ordinal);
        var refusal = Assert.Single(await mark.NewAuditRowsAsync(), entry => Who(entry) == Leader);
        Assert.Equal((AuditActions.ReadConcern, concern.Id.ToString(), "Forbidden"), (Action(refusal), Subject(refusal), Result(refusal)));
    }

    [Fact]
    public async Task Every_successful_read_and_write_is_audited_without_any_payload()
    {
        using var staff = Host.CreateClient(ConcernRequests.Staff, AppRoles.ConcernsReadWrite);
        var mark = await StoreMark.SetAsync(azurite, Host);

        var (concern, etag) = await staff.CreateAsync();
        using (await staff.GetAsync(ConcernRequests.UrlOf(concern)))
        using (await staff.GetAsync("/api/concerns?year=2026"))
        using (var patched = await staff.PatchAsync(concern, """{ "outcome": "dismissed" }""", etag))
        using (await staff.DeleteAsync(concern, patched.Headers.ETag!.ToString()))
        {
        }

        var entries = await mark.NewAuditRowsAsync();
        Assert.All(entries, entry => Assert.Equal((ConcernRequests.Staff, "Succeeded"), (Who(entry), Result(entry))));
        Assert.Equal(
            new[] { AuditActions.CreateConcern, AuditActions.DeleteConcern, AuditActions.ListConcerns, AuditActions.ReadConcern, AuditActions.UpdateConcern },
            entries.Select(Action).Order(StringComparer.Ordinal));
        Assert.All(entries.Where(entry => Action(entry) != AuditActions.ListConcerns), entry => Assert.Equal(concern.Id.ToString(), Subject(entry)));
        Assert.Equal("2026", Subject(entries.Single(entry => Action(entry) == AuditActions.ListConcerns)));
        Assert.All(entries, entry => Assert.Equal("202606", entry.PartitionKey));
        Assert.All(entries, entry => Assert.Equal(
            ["Action", "OccurredAt", "Result", "SubjectId", "Who"],
            entry.Keys.Where(key => key is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag")).Order(StringComparer.Ordinal)));
    }

    [Fact]
    public async Task An_authorised_call_refused_with_a_4xx_is_audited_with_its_result_and_the_subject_asked_for()
    {
        using var staff = Host.CreateClient(ConcernRequests.Staff, AppRoles.ConcernsReadWrite);
        var (concern, etag) = await staff.CreateAsync();
        using (var first = await staff.PatchAsync(concern, """{ "outcome": "dismissed" }""", etag))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        var mark = await StoreMark.SetAsync(azurite, Host);
        var unknown = Guid.NewGuid().ToString();

        using var notFound = await staff.GetAsync($"/api/concerns/2026/{unknown}");
        using var badYear = await staff.GetAsync("/api/concerns?year=26");
        using var stale = await staff.PatchAsync(concern, """{ "outcome": "confirmed" }""", etag);
        using var invalid = await staff.PostAsync("""{ "receivedOn": "not a date" }""");

        Assert.Equal(
            [HttpStatusCode.NotFound, HttpStatusCode.BadRequest, HttpStatusCode.PreconditionFailed, HttpStatusCode.BadRequest],
            new[] { notFound, badYear, stale, invalid }.Select(response => response.StatusCode));
        var entries = await mark.NewAuditRowsAsync();
        Assert.All(entries, entry => Assert.Equal(ConcernRequests.Staff, Who(entry)));
        Assert.Equal(
            new (string?, string?, string?)[]
            {
                (AuditActions.CreateConcern, null, "Refused"),
                (AuditActions.ListConcerns, null, "Refused"),
                (AuditActions.ReadConcern, unknown, "NotFound"),
                (AuditActions.UpdateConcern, concern.Id.ToString(), "Refused"),
            },
            entries.Select(entry => (Action(entry), Subject(entry), Result(entry))).Order());
    }

    [Fact]
    public async Task Audit_rows_list_newest_first()
    {
        using var staff = Host.CreateClient(ConcernRequests.Staff, AppRoles.ConcernsReadWrite);
        var mark = await StoreMark.SetAsync(azurite, Host);
        var (concern, _) = await staff.CreateAsync();
        Host.Time.Advance(TimeSpan.FromSeconds(1));
        using (await staff.GetAsync(ConcernRequests.UrlOf(concern)))
        {
        }

        var entries = await mark.NewAuditRowsAsync();

        Assert.Equal([AuditActions.ReadConcern, AuditActions.CreateConcern], entries.Select(Action));
    }

    [Fact]
    public async Task When_the_audit_cannot_be_written_the_request_fails()
    {
        // Its own host: the audit log is replaced by one that cannot be written.
        await using var host = await ApiTestHost.StartAsync(azurite, options =>
            options.ConfigureServices = services => services.AddSingleton<IAuditLog, UnavailableAuditLog>());
        using var staff = host.CreateClient(ConcernRequests.Staff, AppRoles.ConcernsReadWrite);

        using var read = await staff.GetAsync("/api/concerns?year=2026");

        Assert.Equal(HttpStatusCode.InternalServerError, read.StatusCode);
        Assert.DoesNotContain("items", await read.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static string? Who(TableEntity entry) => entry.GetString(AuditLogColumns.Who);

    private static string? Action(TableEntity entry) => entry.GetString(AuditLogColumns.Action);

    private static string? Subject(TableEntity entry) => entry.GetString(AuditLogColumns.SubjectId);

    private static string? Result(TableEntity entry) => entry.GetString(AuditLogColumns.Result);

    private sealed class UnavailableAuditLog : IAuditLog
    {
        public Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The audit log is unavailable.");
    }
}
