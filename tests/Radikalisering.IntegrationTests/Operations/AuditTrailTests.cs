using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Radikalisering.Core.Access;
using Radikalisering.Core.Audit;
using Radikalisering.Core.AuditTrail;
using Radikalisering.Core.Http;
using Radikalisering.Core.Storage;
using Radikalisering.IntegrationTests.Fixtures.Azurite;
using Radikalisering.IntegrationTests.Fixtures.Faults;
using Radikalisering.IntegrationTests.Fixtures.Http;
using Radikalisering.IntegrationTests.Reports;

namespace Radikalisering.IntegrationTests.Operations;

/// <summary>The hash-chained audit trail on Azurite: written with every audit entry, and every kind of tampering found.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AuditTrailTests(AzuriteFixture azurite)
{
    private const string ReaderId = "5d1e0c2a-0000-4000-8000-000000000f1e";

    private static DateOnly Today(ApiTestHost host) => DateOnly.FromDateTime(host.Time.GetUtcNow().UtcDateTime);

    private static async Task WriteEntriesAsync(ApiTestHost host, int count)
    {
        var audit = host.Get<IAuditLog>();
        for (var index = 0; index < count; index++)
        {
            await audit.WriteAsync(new AuditEntry($"caller-{index}", AuditActions.ReadConcern, $"subject-{index}", AuditResult.Succeeded), CancellationToken.None);
        }
    }

    private BlobContainerClient Container(ApiTestHost host) =>
        new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(host.Setting(nameof(StorageOptions.AuditTrailContainer)));

    private async Task<string> SingleBlobAsync(ApiTestHost host)
    {
        return Assert.Single(await BlobNamesAsync(host));
    }

    private async Task<List<string>> BlobNamesAsync(ApiTestHost host)
    {
        var names = new List<string>();
        await foreach (var blob in Container(host).GetBlobsAsync(new GetBlobsOptions()))
        {
            names.Add(blob.Name);
        }

        return names;
    }

    /// <summary>Rewrites a blob's lines, as someone could where no immutability policy stops them (Azurite has none).</summary>
    private async Task TamperAsync(ApiTestHost host, string blobName, Func<List<string>, List<string>> change)
    {
        var blob = Container(host).GetAppendBlobClient(blobName);
        var content = (await blob.DownloadContentAsync()).Value.Content.ToString();
        var lines = change(content.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList());
        await blob.DeleteAsync();
        await blob.CreateAsync();
        await blob.AppendBlockAsync(new MemoryStream(Encoding.UTF8.GetBytes(string.Concat(lines.Select(line => line + "\n")))));
    }

    [Fact]
    public async Task Every_audit_entry_is_also_appended_to_the_trail_and_the_chain_verifies()
    {
        await using var host = await OperationsTestHost.StartAsync(azurite);

        await WriteEntriesAsync(host, 5);

        var result = await host.Get<AuditTrailVerifier>().VerifyAsync(Today(host), Today(host), CancellationToken.None);
        Assert.True(result.Intact, result.FirstBrokenLink?.ToString());
        Assert.Equal((1, 5L), (result.Blobs, result.Records));
        Assert.Equal(5, (await AuditTrail.ReadAsync(azurite, host)).Count);
        var blobName = await SingleBlobAsync(host);
        var content = (await Container(host).GetBlobClient(blobName).DownloadContentAsync()).Value.Content.ToString();
        Assert.StartsWith(AuditTrailWriter.DayPrefix(Today(host)), blobName, StringComparison.Ordinal);
        Assert.Contains("\"who\":\"caller-3\"", content, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("deleted", 3, BrokenLinkReasons.PreviousHashMismatch)]
    [InlineData("changed", 2, BrokenLinkReasons.HashMismatch)]
    [InlineData("reordered", 2, BrokenLinkReasons.PreviousHashMismatch)]
    [InlineData("rehashed", 3, BrokenLinkReasons.PreviousHashMismatch)]
    public async Task A_tampered_entry_is_reported_as_the_first_broken_link(string tampering, long brokenLine, string reason)
    {
        await using var host = await OperationsTestHost.StartAsync(azurite);
        await WriteEntriesAsync(host, 5);
        var blobName = await SingleBlobAsync(host);

        await TamperAsync(host, blobName, lines => tampering switch
        {
            "deleted" => [.. lines.Where((_, index) => index != 2)],
            "changed" => [.. lines.Select((line, index) => index == 1 ? line.Replace("caller-1", "caller-9", StringComparison.Ordinal) : line)],
            "reordered" => [lines[0], lines[2], lines[1], lines[3], lines[4]],
            // Changed and given a new, correct hash: the next entry still points at the old one.
            _ => [.. lines.Select((line, index) => index == 1 ? Rehash(line.Replace("caller-1", "caller-9", StringComparison.Ordinal)) : line)],
        });

        var result = await host.Get<AuditTrailVerifier>().VerifyAsync(Today(host), Today(host), CancellationToken.None);
        Assert.False(result.Intact);
        Assert.Equal(new BrokenLink(blobName, brokenLine, reason), result.FirstBrokenLink);
        Assert.Equal(brokenLine - 1, result.Records);
    }

    [Fact]
    public async Task Concurrent_writers_each_keep_an_intact_chain_of_their_own()
    {
        await using var host = await OperationsTestHost.StartAsync(azurite);
        var options = host.Get<IOptions<StorageOptions>>();
        var blobs = host.Get<BlobServiceClient>();
        using var first = new AuditTrailWriter(blobs, options, host.Time);
        using var second = new AuditTrailWriter(blobs, options, host.Time);

        await Task.WhenAll(Enumerable.Range(0, 40).Select(index =>
            (index % 2 == 0 ? first : second).AppendAsync(new AuditEntry($"caller-{index}", AuditActions.ListConcerns, null, AuditResult.Succeeded), CancellationToken.None)));

        var result = await host.Get<AuditTrailVerifier>().VerifyAsync(Today(host), Today(host), CancellationToken.None);
        Assert.Null(result.FirstBrokenLink);
        Assert.Equal((2, 40L), (result.Blobs, result.Records));
        Assert.Equal(40, result.MissingFromAuditLog.Count); // written to the trail alone, as no audit entry is
        Assert.Empty(result.Duplicates);
    }

    [Fact]
    public async Task Concurrent_entries_are_each_stored_once_in_the_table_and_in_the_trail_and_share_trail_blocks_even_when_a_row_is_written_again()
    {
        await using var host = await OperationsTestHost.StartAsync(azurite);
        var audit = host.Get<IAuditLog>();
        var table = host.Get<TableAuditLog>();
        // Stored by an earlier attempt (an SDK retry, or the intent sweep), and its row written twice more at once: its
        // row refuses a transaction it joins, and a transaction takes a row once.
        var storedBefore = new AuditEntry("caller-0", AuditActions.CreateConcern, "subject-0", AuditResult.Succeeded).Stamped(host.Time.GetUtcNow());
        await audit.WriteAsync(storedBefore, CancellationToken.None);

        await Task.WhenAll(Enumerable.Range(1, 40)
            .Select(index => Task.Run(() => audit.WriteAsync(new AuditEntry($"caller-{index}", AuditActions.ListConcerns, $"subject-{index}", AuditResult.Succeeded), CancellationToken.None)))
            .Concat([table.WriteAsync(storedBefore, CancellationToken.None), table.WriteAsync(storedBefore, CancellationToken.None)]));

        var rows = await AuditTrail.ReadAsync(azurite, host);
        Assert.Equal(41, rows.Count);
        Assert.Equal(41, rows.Select(row => row.Who).Distinct().Count());
        var result = await host.Get<AuditTrailVerifier>().VerifyAsync(Today(host), Today(host), CancellationToken.None);
        Assert.True(result.Intact, $"duplicates {result.Duplicates.Count}, missing from the trail {result.MissingFromTrail.Count}, missing from the table {result.MissingFromAuditLog.Count}");
        Assert.Equal((1, 41L), (result.Blobs, result.Records));
        var properties = await Container(host).GetAppendBlobClient(await SingleBlobAsync(host)).GetPropertiesAsync();
        Assert.InRange(properties.Value.BlobCommittedBlockCount, 2, 41);
    }

    [Fact]
    public async Task An_append_whose_answer_was_lost_is_found_in_the_blob_and_not_appended_again()
    {
        await using var host = await OperationsTestHost.StartAsync(azurite);
        var policy = new LostResponsePolicy(message => message.Request.Uri.Query.Contains("comp=appendblock", StringComparison.Ordinal));
        var clientOptions = new BlobClientOptions();
        clientOptions.AddPolicy(policy, Azure.Core.HttpPipelinePosition.PerRetry);
        using var writer = new AuditTrailWriter(new BlobServiceClient(azurite.ConnectionString, clientOptions), host.Get<IOptions<StorageOptions>>(), host.Time);
        var entries = Enumerable.Range(0, 3)
            .Select(index => new AuditEntry($"caller-{index}", AuditActions.ReadConcern, $"subject-{index}", AuditResult.Succeeded).Stamped(host.Time.GetUtcNow()))
            .ToList();

        await writer.AppendAsync(entries[0], CancellationToken.None);
        policy.Armed = true;
        await writer.AppendAsync(entries[1], CancellationToken.None);
        policy.Armed = false;
        await writer.AppendAsync(entries[2], CancellationToken.None);

        Assert.Equal(1, policy.Lost);
        var blobName = await SingleBlobAsync(host);
        var content = (await Container(host).GetBlobClient(blobName).DownloadContentAsync()).Value.Content.ToString();
        Assert.Equal((3L, (BrokenLink?)null), AuditTrailVerifier.VerifyBlob(blobName, content));
        Assert.Equal(entries.Select(entry => entry.OperationId), AuditTrailReader.RecordsOf(content).Select(record => record.Op));
    }

    [Fact]
    public async Task The_verify_route_reports_duplicates_and_gaps_against_the_AuditLog_table()
    {
        await using var host = await OperationsTestHost.StartAsync(azurite);
        await WriteEntriesAsync(host, 2);
        var now = host.Time.GetUtcNow();
        var duplicated = new AuditEntry("caller-d", AuditActions.ReadConcern, "d", AuditResult.Succeeded).Stamped(now);
        var rowOnly = new AuditEntry("caller-r", AuditActions.ReadConcern, "r", AuditResult.Succeeded).Stamped(now);
        var recordOnly = new AuditEntry("caller-t", AuditActions.ReadConcern, "t", AuditResult.Succeeded).Stamped(now);
        await host.Get<IAuditLog>().WriteAsync(duplicated, CancellationToken.None);
        await host.Get<AuditTrailWriter>().AppendAsync(duplicated, CancellationToken.None);
        await host.Get<TableAuditLog>().WriteAsync(rowOnly, CancellationToken.None);
        await host.Get<AuditTrailWriter>().AppendAsync(recordOnly, CancellationToken.None);
        var (_, body) = await VerifyTodayAsync(host);
        Assert.False(body.GetProperty("intact").GetBoolean());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("firstBrokenLink").ValueKind);
        Assert.Equal([duplicated.OperationId!.Value], body.GetProperty("duplicates").EnumerateArray().Select(id => id.GetGuid()));
        Assert.Equal([rowOnly.OperationId!.Value], body.GetProperty("missingFromTrail").EnumerateArray().Select(id => id.GetGuid()));
        Assert.Equal([recordOnly.OperationId!.Value], body.GetProperty("missingFromAuditLog").EnumerateArray().Select(id => id.GetGuid()));
    }

    [Fact]
    public async Task When_someone_else_appends_to_a_writers_blob_the_writer_continues_in_a_new_blob_and_the_intruder_is_found()
    {
        await using var host = await OperationsTestHost.StartAsync(azurite);
        var writer = host.Get<AuditTrailWriter>();
        await WriteEntriesAsync(host, 2);
        var blobName = await SingleBlobAsync(host);
        // Another writer appends to this writer's blob: its next conditional append must fail.
        await Container(host).GetAppendBlobClient(blobName).AppendBlockAsync(new MemoryStream("x\n"u8.ToArray()));

        await writer.AppendAsync(new AuditEntry("caller", AuditActions.ReadConcern, "s", AuditResult.Succeeded), CancellationToken.None);

        var result = await host.Get<AuditTrailVerifier>().VerifyAsync(Today(host), Today(host), CancellationToken.None);
        Assert.Equal(new BrokenLink(blobName, 3, BrokenLinkReasons.Malformed), result.FirstBrokenLink);
        var next = Assert.Single(await BlobNamesAsync(host), name => name != blobName);
        var content = (await Container(host).GetBlobClient(next).DownloadContentAsync()).Value.Content.ToString();
        Assert.Equal((1L, (BrokenLink?)null), AuditTrailVerifier.VerifyBlob(next, content));
    }

    [Fact]
    public async Task The_verify_route_reports_the_first_broken_link_to_an_admin()
    {
        await using var host = await OperationsTestHost.StartAsync(azurite);
        await WriteEntriesAsync(host, 3);
        var blobName = await SingleBlobAsync(host);
        await TamperAsync(host, blobName, lines => [lines[0], lines[2]]);
        var (day, body) = await VerifyTodayAsync(host);
        Assert.False(body.GetProperty("intact").GetBoolean());
        Assert.Equal(blobName, body.GetProperty("firstBrokenLink").GetProperty("blob").GetString());
        Assert.Equal(2, body.GetProperty("firstBrokenLink").GetProperty("line").GetInt64());
        Assert.Contains((OperationsTestHost.AdminId, AuditActions.VerifyAuditTrail, $"{day}..{day}", "Succeeded"), await AuditTrail.ReadAsync(azurite, host));
    }

    [Theory]
    [InlineData("from=2026-13-01&to=2026-12-31", "from")]
    [InlineData("from=2026-01-02&to=2026-01-01", "to")]
    [InlineData("from=2025-01-01&to=2026-06-01", "to")]
    [InlineData("to=2026-01-01", "from")]
    public async Task A_bad_period_is_a_problem_and_nothing_is_verified(string query, string field)
    {
        await using var host = await OperationsTestHost.StartAsync(azurite);

        using var response = await host.CreateClient(OperationsTestHost.AdminId, AppRoles.ReportsAdmin)
            .GetAsync($"/api/{Routes.VerifyAuditTrail}?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Only_Reports_Admin_may_verify()
    {
        await using var host = await OperationsTestHost.StartAsync(azurite);

        using var response = await host.CreateClient(ReaderId, AppRoles.ReportsRead).GetAsync($"/api/{Routes.VerifyAuditTrail}?from=2026-01-01&to=2026-01-01");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains((ReaderId, AuditActions.VerifyAuditTrail, "2026-01-01..2026-01-01", "Forbidden"), await AuditTrail.ReadAsync(azurite, host));
    }

    private static string Rehash(string line)
    {
        var json = line[65..];
        return $"{AuditChain.Hash(json)} {json}";
    }

    /// <summary>An admin verifies today's trail through the route; the answer must be 200.</summary>
    private static async Task<(string Day, JsonElement Body)> VerifyTodayAsync(ApiTestHost host)
    {
        var day = Today(host).ToString("yyyy-MM-dd");
        using var response = await host.CreateClient(OperationsTestHost.AdminId, AppRoles.ReportsAdmin)
            .GetAsync($"/api/{Routes.VerifyAuditTrail}?from={day}&to={day}");
        Assert.True(HttpStatusCode.OK == response.StatusCode, await response.Content.ReadAsStringAsync());
        return (day, await response.Content.ReadFromJsonAsync<JsonElement>());
    }
}
