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
using Xunit.Abstractions;

namespace Radikalisering.IntegrationTests.Integrity;

/// <summary>
/// The API on Azurite behind <see cref="FaultProxy"/>, which resets the table and blob connections: short cuts
/// (60 ms every 250 ms) or outages of seconds (5 s every 6.5 s). Every create is recorded once, no client is told
/// 503 for a change that committed, and every committed change is audited once: one <c>AuditLog</c> row and one
/// trail record per operation id, whether the request or the intent sweep completed it, before the sweep and after.
/// Bounded: a few hundred requests of short cuts, a few dozen of outages; loopback only.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Slow")]
public sealed class IntegrityUnderFaultsTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const int Parallelism = 4;
    private const int ClientAttempts = 8;

    private static readonly string[] ChangeActions = [AuditActions.CreateConcern, AuditActions.UpdateConcern, AuditActions.DeleteConcern];

    /// <summary>
    /// The faults; how many keyed and as many unkeyed creates, and how many of them are updated and deleted; and the
    /// pause before each request, so that the requests of the outages spread over several of them.
    /// </summary>
    public static TheoryData<string, int, int, int, int, int> Faults => new()
    {
        { "short cuts", 250, 60, 80, 60, 0 },
        { "outages", 6500, 5000, 60, 24, 50 },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task Under_faults_every_create_is_recorded_once_no_committed_change_is_answered_503_and_every_change_is_in_the_trail_once(
        string faults,
        int intervalMilliseconds,
        int durationMilliseconds,
        int createsPerMode,
        int changes,
        int pauseMilliseconds)
    {
        var (proxy, proxied) = FaultProxy.ForTablesAndBlobs(
            azurite.ConnectionString, TimeSpan.FromMilliseconds(intervalMilliseconds), TimeSpan.FromMilliseconds(durationMilliseconds));
        await using var faulty = proxy;
        await using var host = await ApiTestHost.StartAsync(azurite, options => options.Settings["Storage:ConnectionString"] = proxied);
        using var client = host.CreateClient(ConcernRequests.Staff, AppRoles.ConcernsReadWrite);
        Assert.Empty(await client.ListYearAsync(2026)); // creates the tables and the trail's container before the faults start
        var told503ButCommitted = new List<string>();
        var clock = Stopwatch.StartNew();
        proxy.Flapping = true;

        var pause = TimeSpan.FromMilliseconds(pauseMilliseconds);
        var answers = await InParallelAsync(
            Enumerable.Range(0, 2 * createsPerMode),
            index => CreateAsync(client, index, createsPerMode, keyed: index % 2 == 0),
            pause);
        var created = answers.Select(answer => answer.Concern).OfType<ConcernView>().ToList();
        var changed = created.Take(changes).ToList();
        var updated = await InParallelAsync(changed, concern => UpdateAsync(client, concern, told503ButCommitted), pause);
        var deleted = await InParallelAsync(updated, concern => DeleteAsync(client, concern, told503ButCommitted), pause);
        proxy.Flapping = false;

        Assert.True(proxy.Resets > 2, $"The proxy ({faults}) reset only {proxy.Resets} connections.");
        Assert.All(deleted, Assert.True);
        var store = host.Services.GetRequiredService<ConcernReader>();
        var concerns = await IntegrityStore.ConcernsAsync(azurite, host);
        var createdIds = created.Select(concern => concern.Id.ToString()).ToHashSet();
        var deletedIds = changed.Select(concern => concern.Id.ToString()).ToHashSet();
        Assert.Equal(createdIds.Count, created.Count);
        Assert.Empty(deletedIds.Intersect(concerns.Select(row => row.RowKey)));

        // A row no answer named is an unkeyed create whose outcome storage never told (500), never one answered 503;
        // each such request (told apart by its facts) is recorded at most once.
        var told503 = answers.Where(answer => answer.Status == HttpStatusCode.ServiceUnavailable).Select(answer => answer.Facts).ToHashSet();
        var unknown = answers.Where(answer => answer.Status == HttpStatusCode.InternalServerError).Select(answer => answer.Facts).ToHashSet();
        var recordedUnanswered = new List<StoredConcern>();
        foreach (var row in concerns.Where(row => !createdIds.Contains(row.RowKey)))
        {
            var concern = (await store.GetAsync(2026, Guid.Parse(row.RowKey), CancellationToken.None))!;
            if (told503.Contains(concern.Facts))
            {
                told503ButCommitted.Add($"create {concern.Id}");
            }

            Assert.Contains(concern.Facts, unknown);
            recordedUnanswered.Add(concern);
        }

        Assert.True(told503ButCommitted.Count == 0, $"Told 503 for committed changes ({faults}): {string.Join(", ", told503ButCommitted)}");
        Assert.Equal(recordedUnanswered.Count, recordedUnanswered.Select(concern => concern.Facts).Distinct().Count());
        Assert.Equal(
            Enumerable.Range(1, created.Count + recordedUnanswered.Count).Select(sequence => ConcernRows.FormatReference(2026, sequence)),
            created.Select(concern => concern.Reference).Concat(recordedUnanswered.Select(concern => concern.Reference)).Order(StringComparer.Ordinal));

        // Before the sweep: no event is in the trail twice, and a change's row has its one record unless its intent is still open.
        var openIntents = (await IntegrityStore.ConcernRowsAsync(azurite, host)).Select(AuditIntent.HeldBy).OfType<AuditIntent>().Select(intent => intent.OperationId).ToHashSet();
        await AssertEachChangeInTheTrailOnceAsync(host, openIntents);

        var swept = await host.Services.GetRequiredService<AuditIntentSweep>().CompleteAsync(null, TimeSpan.Zero, CancellationToken.None);
        var sweptAgain = await host.Services.GetRequiredService<AuditIntentSweep>().CompleteAsync(null, TimeSpan.Zero, CancellationToken.None);

        var trailBefore = IntegrityStore.TrailCounts(await IntegrityStore.TrailRecordsAsync(azurite, host));
        output.WriteLine(
            $"{faults}: {proxy.Resets} connections reset in {clock.Elapsed.TotalSeconds:F0} s; creates {answers.Count(answer => answer.Status == HttpStatusCode.Created)} × 201, " +
            $"{told503.Count} × 503, {unknown.Count} × 500; {changed.Count} updated and deleted; told 503 for committed changes: {told503ButCommitted.Count}; " +
            $"open intents before the sweep {openIntents.Count}, swept {swept}, then {sweptAgain}; trail records per operation id at most {trailBefore.Values.DefaultIfEmpty().Max()} before the sweep, " +
            $"{trailBefore.Values.Sum()} records of {trailBefore.Count} operation ids");
        Assert.Equal(openIntents.Count, swept);
        Assert.Equal(0, sweptAgain);
        Assert.DoesNotContain(await IntegrityStore.ConcernRowsAsync(azurite, host), row => AuditIntent.HeldBy(row) is not null);
        await AssertEachChangeInTheTrailOnceAsync(host, []);
        var trailAfter = IntegrityStore.TrailCounts(await IntegrityStore.TrailRecordsAsync(azurite, host));
        output.WriteLine($"after the sweep: {trailAfter.Values.Sum()} records of {trailAfter.Count} operation ids, at most {trailAfter.Values.Max()} per id");
        var audit = await IntegrityStore.AuditRowsAsync(azurite, host);
        AssertAuditedOnce(audit, AuditActions.CreateConcern, createdIds.Union(recordedUnanswered.Select(concern => concern.Id.ToString())).ToHashSet());
        AssertAuditedOnce(audit, AuditActions.UpdateConcern, deletedIds);
        AssertAuditedOnce(audit, AuditActions.DeleteConcern, deletedIds);
    }

    [Fact]
    public async Task Without_faults_70_creates_are_70_trail_records_before_and_after_a_sweep()
    {
        await using var host = await ApiTestHost.StartAsync(azurite);
        using var client = host.CreateClient(ConcernRequests.Staff, AppRoles.ConcernsReadWrite);

        var created = await InParallelAsync(Enumerable.Range(0, 70), index => CreateAsync(client, index, 35, keyed: index % 2 == 0));
        var before = await IntegrityStore.TrailRecordsAsync(azurite, host);
        var swept = await host.Services.GetRequiredService<AuditIntentSweep>().CompleteAsync(null, TimeSpan.Zero, CancellationToken.None);
        var after = await IntegrityStore.TrailRecordsAsync(azurite, host);

        Assert.All(created, answer => Assert.Equal(HttpStatusCode.Created, answer.Status));
        Assert.Equal(0, swept);
        var createRows = (await IntegrityStore.AuditRowsAsync(azurite, host)).Where(row => row.GetString(AuditLogColumns.Action) == AuditActions.CreateConcern).ToList();
        Assert.Equal(70, createRows.Count);
        foreach (var trail in new[] { before, after })
        {
            var creates = trail.Where(record => record.Action == AuditActions.CreateConcern).ToList();
            Assert.Equal(70, creates.Count);
            Assert.Equal(createRows.Select(IntegrityStore.OperationIdOf).Order(), creates.Select(record => record.Op!.Value).Order());
        }

        Assert.DoesNotContain(await IntegrityStore.ConcernRowsAsync(azurite, host), row => AuditIntent.HeldBy(row) is not null);
    }

    [Fact]
    public async Task A_storage_outage_answers_503_with_retry_after_within_the_retry_budget_and_writes_nothing()
    {
        var (proxy, proxied) = FaultProxy.ForTablesAndBlobs(azurite.ConnectionString);
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
    /// How a create ended: 201 with the concern, or (unkeyed only: without a key the client cannot retry safely)
    /// 503, which must mean it was not recorded, or 500, whose outcome the client must look up.
    /// </summary>
    private static async Task<(HttpStatusCode Status, ConcernView? Concern, ConcernFacts Facts)> CreateAsync(HttpClient client, int index, int createsPerMode, bool keyed)
    {
        var facts = FactsOf(index, createsPerMode);
        var body = $$"""{ "receivedOn": "{{facts.ReceivedOn:yyyy-MM-dd}}", "subjectUnder18": {{(facts.SubjectUnder18 ? "true" : "false")}}, "reporter": "other" }""";
        var key = keyed ? Guid.NewGuid().ToString() : null;
        for (var attempt = 1; ; attempt++)
        {
            using var response = await client.PostAsync(body, key);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                return (response.StatusCode, await response.ReadAsync<ConcernView>(), facts);
            }

            if (!keyed && response.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.InternalServerError)
            {
                return (response.StatusCode, null, facts);
            }

            // A keyed create may be retried by the client: the key makes the retry safe.
            await AssertRetryableAsync(response, attempt, $"Create {index} (keyed: {keyed})");
        }
    }

    /// <summary>Facts no other request of the test has, so a stored concern tells which request recorded it.</summary>
    private static ConcernFacts FactsOf(int index, int createsPerMode) =>
        new(new DateOnly(2026, 1, 1).AddDays(index % createsPerMode), index >= createsPerMode, ReporterKind.Other, Outcome.Pending, null);

    // A 503 says the change did not happen: the client reads the concern to check it (a change there is a broken
    // promise) and tries again with the same If-Match.
    private static async Task<ConcernView> UpdateAsync(HttpClient client, ConcernView concern, List<string> told503ButCommitted)
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
            var current = (await ReadAsync(client, concern))!;
            if (current.Outcome == Outcome.Dismissed)
            {
                lock (told503ButCommitted)
                {
                    told503ButCommitted.Add($"update {concern.Id}");
                }

                return current;
            }
        }
    }

    private static async Task<bool> DeleteAsync(HttpClient client, ConcernView concern, List<string> told503ButCommitted)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var response = await client.DeleteAsync(concern, concern.ETag);
            if (response.StatusCode == HttpStatusCode.NoContent)
            {
                return true;
            }

            await AssertRetryableAsync(response, attempt, $"Delete of {concern.Id}");
            if (await ReadAsync(client, concern) is null)
            {
                lock (told503ButCommitted)
                {
                    told503ButCommitted.Add($"delete {concern.Id}");
                }

                return true;
            }
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

    /// <summary>
    /// No operation id is in the trail twice, and each change's <c>AuditLog</c> row has exactly one trail record and
    /// each change's trail record its row, but for the changes whose intent is still open (<paramref name="open"/>).
    /// </summary>
    private async Task AssertEachChangeInTheTrailOnceAsync(ApiTestHost host, HashSet<Guid> open)
    {
        var trail = await IntegrityStore.TrailRecordsAsync(azurite, host);
        var counts = IntegrityStore.TrailCounts(trail);
        var duplicates = counts.Where(pair => pair.Value > 1).ToList();
        Assert.True(duplicates.Count == 0, $"{duplicates.Count} operation ids are in the trail more than once, e.g. {duplicates.FirstOrDefault()}.");
        var rows = (await IntegrityStore.AuditRowsAsync(azurite, host))
            .Where(row => ChangeActions.Contains(row.GetString(AuditLogColumns.Action)))
            .Select(IntegrityStore.OperationIdOf)
            .Where(id => !open.Contains(id))
            .ToHashSet();
        var records = trail.Where(record => ChangeActions.Contains(record.Action)).Select(record => record.Op!.Value).Where(id => !open.Contains(id)).ToHashSet();
        Assert.Empty(rows.Except(records));
        Assert.Empty(records.Except(rows));
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

    private static async Task<List<TResult>> InParallelAsync<TItem, TResult>(IEnumerable<TItem> items, Func<TItem, Task<TResult>> work, TimeSpan pause = default)
    {
        var results = new TResult[items.Count()];
        await Parallel.ForEachAsync(
            items.Select((item, index) => (item, index)),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism },
            async (pair, cancellation) =>
            {
                await Task.Delay(pause, cancellation);
                results[pair.index] = await work(pair.item);
            });
        return [.. results];
    }
}
