using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using Radikalisering.Core.Access;
using Radikalisering.Core.Audit;
using Radikalisering.IntegrationTests.Concerns;
using Radikalisering.IntegrationTests.Fixtures.Azurite;
using Radikalisering.IntegrationTests.Fixtures.Http;

namespace Radikalisering.IntegrationTests.Integrity;

/// <summary>Crafted tags, principals, routes and years: each a 4xx problem that writes nothing; unexpected failures a bare 500 problem.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CraftedRequestTests(AzuriteFixture azurite, SharedApiHost shared) : IClassFixture<SharedApiHost>
{
    private ApiTestHost Host => shared.Host;

    public static TheoryData<string> CraftedTags => new()
    {
        "\"Kg\"", // base64url of '*'
        "\"YWJj\"",
        "\"YQBi\"",
        "\"w7g\"",
        "*",
        "W/\"Kg\"",
        "\"" + new string('A', 10 * 1024) + "\"",
    };

    [Theory]
    [MemberData(nameof(CraftedTags))]
    public async Task A_crafted_if_match_is_400_for_delete_and_patch_and_changes_nothing(string tag)
    {
        using var client = Host.CreateClient(ConcernRequests.Staff, AppRoles.ConcernsReadWrite);
        var mark = await StoreMark.SetAsync(azurite, Host);
        var (concern, _) = await client.CreateAsync();

        foreach (var method in new[] { HttpMethod.Delete, HttpMethod.Patch })
        {
            using var request = new HttpRequestMessage(method, ConcernRequests.UrlOf(concern));
            request.Headers.TryAddWithoutValidation("If-Match", tag);
            if (method == HttpMethod.Patch)
            {
                request.Content = ApiJson.Body("""{ "outcome": "confirmed" }""", "application/merge-patch+json");
            }

            using var response = await client.SendAsync(request);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.NotNull((await response.ReadProblemAsync())["errors"]!["If-Match"]);
        }

        Assert.Equal(concern.Id.ToString(), Assert.Single(await mark.NewConcernsAsync()).RowKey);
        Assert.Equal(concern, await client.ReadConcernAsync(concern));
    }

    public static TheoryData<string> MalformedPrincipals => new()
    {
        """{"auth_typ":"aad","claims":[null]}""",
        """{"auth_typ":"aad","claims":[{"typ":"oid","val":"x"},null]}""",
        """{"auth_typ":"aad","claims":[{"typ":null,"val":"x"},{"typ":"oid","val":"x"}]}""",
        """{"auth_typ":"aad","claims":[{"typ":"oid","val":null}]}""",
        """{"auth_typ":"aad","claims":{"typ":"oid","val":"x"}}""",
        """{"auth_typ":"aad","claims":null}""",
        """[]""",
        """null""",
    };

    [Theory]
    [MemberData(nameof(MalformedPrincipals))]
    public async Task A_malformed_principal_is_401_and_audited(string principalJson)
    {
        using var client = Host.CreateClient();
        var mark = await StoreMark.SetAsync(azurite, Host);
        client.DefaultRequestHeaders.Add(CallerHeaders.HeaderName, Convert.ToBase64String(Encoding.UTF8.GetBytes(principalJson)));

        using var response = await client.PostAsync(ConcernRequests.Example);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(401, (int)(await response.ReadProblemAsync())["status"]!);
        var audit = Assert.Single(await mark.NewAuditRowsAsync());
        Assert.Equal(AuditEntry.AnonymousCaller, audit.GetString(AuditLogColumns.Who));
        Assert.Equal(nameof(AuditResult.Unauthenticated), audit.GetString(AuditLogColumns.Result));
        Assert.Empty(await mark.NewConcernsAsync());
    }

    [Fact]
    public async Task Roles_come_only_from_the_roles_claim_whatever_role_typ_says()
    {
        using var client = Host.CreateClient();
        var mark = await StoreMark.SetAsync(azurite, Host);
        const string principal = """
            {"auth_typ":"aad","role_typ":"groups","claims":[{"typ":"oid","val":"group-trick"},{"typ":"groups","val":"Concerns.ReadWrite"}]}
            """;
        client.DefaultRequestHeaders.Add(CallerHeaders.HeaderName, Convert.ToBase64String(Encoding.UTF8.GetBytes(principal)));

        using var response = await client.PostAsync(ConcernRequests.Example);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var audit = Assert.Single(await mark.NewAuditRowsAsync());
        Assert.Equal(nameof(AuditResult.Forbidden), audit.GetString(AuditLogColumns.Result));
        Assert.Empty(await mark.NewConcernsAsync());
    }

    [Theory]
    [InlineData("/api/concerns/+2026/2f1e6a4e-9d8e-4b7e-a3a1-4b8f0d6c2e11")]
    [InlineData("/api/concerns/02026/2f1e6a4e-9d8e-4b7e-a3a1-4b8f0d6c2e11")]
    [InlineData("/api/concerns/%202026/2f1e6a4e-9d8e-4b7e-a3a1-4b8f0d6c2e11")]
    [InlineData("/api/concerns/0206/2f1e6a4e-9d8e-4b7e-a3a1-4b8f0d6c2e11")]
    [InlineData("/api/concerns/2026/not-a-guid")]
    [InlineData("/api/nothing-here")]
    public async Task A_route_that_matches_nothing_is_a_404_problem(string path)
    {
        using var client = Host.CreateClient(ConcernRequests.Staff, AppRoles.ConcernsReadWrite);

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(404, (int)(await response.ReadProblemAsync())["status"]!);
    }

    [Fact]
    public async Task A_method_a_route_does_not_take_is_a_405_problem()
    {
        using var client = Host.CreateClient(ConcernRequests.Staff, AppRoles.ConcernsReadWrite);
        var mark = await StoreMark.SetAsync(azurite, Host);

        using var response = await client.PutAsync("/api/concerns", ApiJson.Body(ConcernRequests.Example));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(405, (int)(await response.ReadProblemAsync())["status"]!);
        Assert.Empty(await mark.NewConcernsAsync());
    }

    [Theory]
    [InlineData("+2026")]
    [InlineData("02026")]
    [InlineData("%202026")]
    [InlineData("2026%20")]
    [InlineData("２０２６")]
    public async Task A_listed_year_must_be_spelled_canonically(string year)
    {
        using var client = Host.CreateClient(ConcernRequests.Staff, AppRoles.ConcernsReadWrite);

        using var response = await client.GetAsync($"/api/concerns?year={year}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.ReadProblemAsync())["errors"]!["year"]);
    }

    [Fact]
    public async Task An_unexpected_failure_is_a_500_problem_with_only_a_correlation_id()
    {
        var auditLog = new Mock<IAuditLog>();
        auditLog.Setup(log => log.WriteAsync(It.IsAny<AuditEntry>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("secret detail: connection string and stack"));
        // Its own host: the audit log is replaced by one that throws.
        await using var host = await ApiTestHost.StartAsync(azurite, options => options.ConfigureServices = services => services.AddSingleton(auditLog.Object));
        using var client = host.CreateClient();

        using var response = await client.GetAsync("/api/concerns?year=2026");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var problem = await response.ReadProblemAsync();
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["correlationId"]));
        Assert.DoesNotContain("secret", problem.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("InvalidOperation", problem.ToJsonString(), StringComparison.Ordinal);
    }
}
