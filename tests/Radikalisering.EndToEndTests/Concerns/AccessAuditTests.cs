using System.Net;
using Azure.Data.Tables;
using Radikalisering.Core.Access;
using Radikalisering.Core.Audit;
using Radikalisering.EndToEndTests.Hosting;

namespace Radikalisering.EndToEndTests.Concerns;

/// <summary>Refusals through the real worker: 401 and 403 as problems, each a row in the audit log.</summary>
[Collection(WorkerCollection.Name)]
[Trait("Category", "Slow")]
public sealed class AccessAuditTests(WorkerFixture worker)
{
    [Fact]
    public async Task A_caller_without_a_principal_gets_401_and_it_is_audited()
    {
        var before = await RowsAsync(AuditEntry.AnonymousCaller, "Unauthenticated");
        using var anonymous = worker.CreateClient();

        using var response = await anonymous.GetAsync("api/concerns?year=2026");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before + 1, await RowsAsync(AuditEntry.AnonymousCaller, "Unauthenticated"));
    }

    [Fact]
    public async Task A_caller_without_the_staff_role_gets_403_and_it_is_audited()
    {
        var leader = Guid.NewGuid().ToString();
        using var client = worker.CreateClient(leader, AppRoles.ReportsRead);

        using var response = await client.GetAsync("api/concerns?year=2026");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, await RowsAsync(leader, "Forbidden"));
    }

    private async Task<int> RowsAsync(string who, string result)
    {
        var rows = 0;
        await foreach (var row in worker.AuditLog.QueryAsync<TableEntity>())
        {
            rows += row.GetString(AuditLogColumns.Who) == who && row.GetString(AuditLogColumns.Result) == result ? 1 : 0;
        }

        return rows;
    }
}
