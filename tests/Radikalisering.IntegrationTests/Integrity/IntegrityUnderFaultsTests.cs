using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Radikalisering.Core.Access;
using Radikalisering.Core.Audit;
using Radikalisering.Core.Concerns;
using Radikalisering.IntegrationTests.Concerns;
using Radikalisering.IntegrationTests.Fixtures.Azurite;
using Radikalisering.IntegrationTests.Fixtures.Faults;
using Radikalisering.IntegrationTests.Fixtures.Http;

namespace Radikalisering.IntegrationTests.Integrity;

/// <summary>
/// The API on Azurite behind <see cref="FaultProxy"/>, which resets the storage connections for 60 ms every
/// 250 ms: every create is recorded once, and every committed change is audited once (the request writes the
/// audit row, or the intent sweep completes it). Bounded: a few hundred requests, loopback only.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Slow")]
public sealed class IntegrityUnderFaultsTests(AzuriteFixture azurite)
{
    private const int CreatesPerMode = 160;
    private const int Changes = 240;
    private const int Parallelism = 4;
    private const int ClientAttempts = 4;

    [Fact]
    public async Task Under_connection_resets_every_create_is_recorded_once_and_every_change_audited_once()
    {
        var (proxy, proxied) = FaultProxy.ForTables(azurite.ConnectionString);
        await using var faults = proxy;
        await using var host = await ApiTestHost.StartAsync(azurite, options => options.Settings["Storage:ConnectionString"] = proxied);
        using var client = host.CreateClient(ConcernRequests.Staff, AppRoles.ConcernsReadWrite);
        Assert.Empty(await client.ListYearAsync(2026)); // creates the tables before the faults start
        proxy.Flapping = true;

        var answers = await InParallelAsync(Enumerable.Range(0, 2 * CreatesPerMode), index => CreateAsync(client, index, keyed: index % 2 == 0));
        var created = answers.OfType<ConcernView>().ToList();
        var changed = created.Take(Changes).ToList();
        var updated = await InParallelAsync(changed, concern => UpdateAsync(client, concern));
        var deleted = await InParallelAsync(updated, concern => DeleteAsync(client, concern));
        proxy.Flapping = false;

        Assert.True(proxy.Resets > 20, $"The proxy reset only {proxy.Resets} connections.");
        Assert.All(deleted, Assert.True);
        var sweptLate = await host.Services.GetRequiredService<AuditIntentSweep>().CompleteAsync(null, TimeSpan.Zero, CancellationToken.None);

        var rows = await IntegrityStore.ConcernRowsAsync(azurite, host);
        var concerns = await IntegrityStore.ConcernsAsync(azurite, host);
        var createdIds = created.Select(concern => concern.Id.ToString()).ToHashSet();
        var deletedIds = changed.Select(concern => concern.Id.ToString()).ToHashSet();
        Assert.Equal(createdIds.Count, created.Count);
        Assert.Empty(deletedIds.Intersect(concerns.Select(row => row.RowKey)));

        // Rows no answer named can only be unkeyed creates that answered 503 after committing: each such
        // request (told apart by its facts) is recorded at most once, never twice.
        var unanswered = Enumerable.Range(0, answers.Count).Where(index => answers[index] is null).Select(FactsOf).ToHashSet();
        var recordedUnanswered = new List<StoredConcern>();
        foreach (var row in concerns.Where(row => !createdIds.Contains(row.RowKey)))
        {
            var concern = await host.Services.GetRequiredService<ConcernStore>().GetAsync(2026, Guid.Parse(row.RowKey), CancellationToken.None);
            Assert.Contains(concern!.Facts, unanswered);
            recordedUnanswered.Add(concern);
        }

        Assert.Equal(recordedUnanswered.Count, recordedUnanswered.Select(concern => concern.Facts).Distinct().Count());
        Assert.Equal(
            Enumerable.Range(1, created.Count + recordedUnanswered.Count).Select(sequence => ConcernStore.FormatReference(2026, sequence)),
            created.Select(concern => concern.Reference).Concat(recordedUnanswered.Select(concern => concern.Reference)).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(rows, AuditIntent.IsIntentRow);

        var audit = await IntegrityStore.AuditRowsAsync(azurite, host);
        AssertAuditedOnce(audit, AuditActions.CreateConcern, createdIds.Union(recordedUnanswered.Select(concern => concern.Id.ToString())).ToHashSet());
        AssertAuditedOnce(audit, AuditActions.UpdateConcern, deletedIds);
        AssertAuditedOnce(audit, AuditActions.DeleteConcern, deletedIds);
        Assert.InRange(sweptLate, 0, 2 * CreatesPerMode + (2 * Changes));
    }

    [Fact]
    public async Task A_storage_outage_answers_503_with_retry_after_within_the_retry_budget_and_writes_nothing()
    {
        var (proxy, proxied) = FaultProxy.ForTables(azurite.ConnectionString);
        await using var faults = proxy;
        await using var host = await ApiTestHost.StartAsync(azurite, options => options.Settings["Storage:ConnectionString"] = proxied);
        using var client = host.CreateClient(ConcernRequests.Staff, AppRoles.ConcernsReadWrite);
        Assert.Empty(await client.ListYearAsync(2026));
        proxy.Down = true;

        var clock = Stopwatch.StartNew();
        using var create = await client.PostAsync(ConcernRequests.Example, Guid.NewGuid().ToString());
        using var list = await client.GetAsync("/api/concerns?year=2026");
        clock.Stop();
        proxy.Down = false;

        foreach (var response in new[] { create, list })
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
            var problem = await response.ReadProblemAsync();
            Assert.Equal(503, (int)problem["status"]!);
        }

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"Two requests took {clock.Elapsed} to fail.");
        Assert.Empty(await IntegrityStore.ConcernsAsync(azurite, host));
        Assert.Empty(await client.ListYearAsync(2026));
    }

    /// <summary>
    /// The created concern, or null for an unkeyed create answered 503: without a key the client cannot retry
    /// safely, and the request may or may not have been recorded.
    /// </summary>
    private static async Task<ConcernView?> CreateAsync(HttpClient client, int index, bool keyed)
    {
        var facts = FactsOf(index);
        var body = $$"""{ "receivedOn": "{{facts.ReceivedOn:yyyy-MM-dd}}", "subjectUnder18": {{(facts.SubjectUnder18 ? "true" : "false")}}, "reporter": "other" }""";
        var key = keyed ? Guid.NewGuid().ToString() : null;
        for (var attempt = 1; ; attempt++)
        {
            using var response = await client.PostAsync(body, key);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                return await response.ReadAsync<ConcernView>();
            }

            if (!keyed && response.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                return null;
            }

            // A keyed create may be retried by the client: the key makes the retry safe.
            await AssertRetryableAsync(response, attempt, $"Create {index} (keyed: {keyed})");
        }
    }

    /// <summary>Facts no other request of the test has, so a stored concern tells which request recorded it.</summary>
    private static ConcernFacts FactsOf(int index) =>
        new(new DateOnly(2026, 1, 1).AddDays(index % CreatesPerMode), index >= CreatesPerMode, ReporterKind.Other, Outcome.Pending, null);

    // A change answered 503 may still have committed (the intent row proves it to the sweep), so the client does
    // what a form would: it reads the concern and tries again only if the change is not there.
    private static async Task<ConcernView> UpdateAsync(HttpClient client, ConcernView concern)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var response = await client.PatchAsync(concern, """{ "outcome": "dismissed" }""", concern.ETag);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var updated = await response.ReadAsync<ConcernView>();
                Assert.Equal(Outcome.Dismissed, updated.Outcome);
                return updated;
            }

            await AssertRetryableAsync(response, attempt, $"Update of {concern.Id}");
            concern = (await ReadAsync(client, concern))!;
            if (concern.Outcome == Outcome.Dismissed)
            {
                return concern;
            }
        }
    }

    private static async Task<bool> DeleteAsync(HttpClient client, ConcernView concern)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var response = await client.DeleteAsync(concern, concern.ETag);
            if (response.StatusCode == HttpStatusCode.NoContent)
            {
                return true;
            }

            await AssertRetryableAsync(response, attempt, $"Delete of {concern.Id}");
            if (await ReadAsync(client, concern) is not { } current)
            {
                return true;
            }

            concern = current;
        }
    }

    /// <summary>The concern as stored now, or null when it is gone; a 503 is asked again.</summary>
    private static async Task<ConcernView?> ReadAsync(HttpClient client, ConcernView concern)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var response = await client.GetAsync(ConcernRequests.UrlOf(concern));
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }

            if (response.StatusCode == HttpStatusCode.OK)
            {
                return await response.ReadAsync<ConcernView>();
            }

            await AssertRetryableAsync(response, attempt, $"Read of {concern.Id}");
        }
    }

    private static async Task AssertRetryableAsync(HttpResponseMessage response, int attempt, string what)
    {
        if (response.StatusCode != HttpStatusCode.ServiceUnavailable || attempt >= ClientAttempts)
        {
            Assert.Fail($"{what} answered {(int)response.StatusCode} (attempt {attempt}): {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static void AssertAuditedOnce(IEnumerable<Azure.Data.Tables.TableEntity> audit, string action, IReadOnlySet<string> subjects)
    {
        var counts = IntegrityStore.AuditCounts(audit, action);
        Assert.Equal(subjects.Order(), counts.Keys.Order());
        Assert.All(counts, pair => Assert.True(pair.Value == 1, $"{action} of {pair.Key} is audited {pair.Value} times."));
    }

    private static async Task<List<TResult>> InParallelAsync<TItem, TResult>(IEnumerable<TItem> items, Func<TItem, Task<TResult>> work)
    {
        var results = new TResult[items.Count()];
        await Parallel.ForEachAsync(
            items.Select((item, index) => (item, index)),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism },
            async (pair, _) => results[pair.index] = await work(pair.item));
        return [.. results];
    }
}
