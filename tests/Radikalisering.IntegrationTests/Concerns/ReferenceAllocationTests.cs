using Radikalisering.Core.Access;
using Radikalisering.Core.Concerns;
using Radikalisering.IntegrationTests.Fixtures.Azurite;
using Radikalisering.IntegrationTests.Fixtures.Http;

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
