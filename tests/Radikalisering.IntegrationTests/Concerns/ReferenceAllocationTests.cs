using Radikalisering.Core.Access;
using Radikalisering.Core.Audit;
using Radikalisering.Core.Concerns;
using Radikalisering.IntegrationTests.Fixtures.Azurite;
using Radikalisering.IntegrationTests.Fixtures.Http;
using Radikalisering.IntegrationTests.Integrity;

namespace Radikalisering.IntegrationTests.Concerns;

[Collection(AzuriteCollection.Name)]
public sealed class ReferenceAllocationTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Concurrent_submissions_get_unique_consecutive_references()
    {
        const int submissions = 20;
        await using var host = await ApiTestHost.StartAsync(azurite);
        using var client = host.CreateClient(ConcernRequests.Staff, AppRoles.ConcernsReadWrite);

        var created = await Task.WhenAll(Enumerable.Range(0, submissions).Select(async _ => (await client.CreateAsync()).View));

        Assert.Equal(
            Enumerable.Range(1, submissions).Select(sequence => $"2026-{sequence:D4}"),
            created.Select(view => view.Reference).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Two_instances_creating_at_once_share_one_contiguous_sequence_and_audit_each_create_once()
    {
        const int submissionsPerInstance = 40;
        await using var first = await ApiTestHost.StartAsync(azurite);
        await using var second = await ApiTestHost.StartAsync(azurite, options =>
        {
            options.Settings["Storage:ConcernsTable"] = first.ConcernsTable;
            options.Settings["Storage:AuditLogTable"] = first.AuditLogTable;
        });
        using var firstClient = first.CreateClient(ConcernRequests.Staff, AppRoles.ConcernsReadWrite);
        using var secondClient = second.CreateClient(ConcernRequests.Staff, AppRoles.ConcernsReadWrite);

        var created = await Task.WhenAll(Enumerable.Range(0, 2 * submissionsPerInstance)
            .Select(async submission => (await (submission % 2 == 0 ? firstClient : secondClient).CreateAsync()).View));

        Assert.Equal(
            Enumerable.Range(1, 2 * submissionsPerInstance).Select(sequence => $"2026-{sequence:D4}"),
            created.Select(view => view.Reference).Order(StringComparer.Ordinal));
        var audited = IntegrityStore.AuditCounts(await IntegrityStore.AuditRowsAsync(azurite, first), AuditActions.CreateConcern);
        Assert.All(created, view => Assert.Equal(1, audited.GetValueOrDefault(view.Id.ToString())));
        Assert.Equal(2 * submissionsPerInstance, (await IntegrityStore.ConcernsAsync(azurite, first)).Count);
    }

    [Fact]
    public async Task Each_year_counts_from_one()
    {
        await using var host = await ApiTestHost.StartAsync(azurite);
        using var client = host.CreateClient(ConcernRequests.Staff, AppRoles.ConcernsReadWrite);

        var first2026 = (await client.CreateAsync()).View;
        var first2025 = (await client.CreateAsync("""{ "receivedOn": "2025-11-30", "subjectUnder18": true, "reporter": "otherAuthority" }""")).View;
        var second2026 = (await client.CreateAsync()).View;

        Assert.Equal(["2026-0001", "2025-0001", "2026-0002"], new[] { first2026, first2025, second2026 }.Select(view => view.Reference));
    }
}
