using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Radikalisering.Core.Access;
using Radikalisering.Core.Backup;
using Radikalisering.Core.Concerns;
using Radikalisering.Core.Reports;
using Radikalisering.Core.Retention;
using Radikalisering.Core.Statistics;
using Radikalisering.Core.Storage;
using Radikalisering.IntegrationTests.Fixtures.Azurite;
using Radikalisering.IntegrationTests.Fixtures.Http;
using Radikalisering.IntegrationTests.Reports;

namespace Radikalisering.IntegrationTests.Operations;

/// <summary>The daily backup on Azurite: exported still sealed, restored into empty tables, and a year removed with retention.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BackupRestoreTests(AzuriteFixture azurite)
{
    private static async Task<List<ConcernFacts>> ReadYearAsync(ApiTestHost host, int year)
    {
        var facts = new List<ConcernFacts>();
        await foreach (var concern in host.Get<IConcernReader>().ReadYearAsync(year, CancellationToken.None))
        {
            facts.Add(concern);
        }

        return facts;
    }

    private static IEnumerable<string> Sorted(IEnumerable<ConcernFacts> facts) => facts.Select(fact => fact.ToString()).Order(StringComparer.Ordinal);

    private static IEnumerable<(string Table, string Cell, long? Value)> Flatten(IEnumerable<SnapshotTable> tables) =>
        tables.SelectMany(table => table.Cells.Select(cell => (table.Name, string.Join(",", cell.Categories), cell.Value)));

    /// <summary>Deletes the tables a restore fills; the AuditLog table too unless <paramref name="keepAuditLog"/> (a restore may find entries written since the loss).</summary>
    private async Task DeleteTablesAsync(ApiTestHost host, bool keepAuditLog = false)
    {
        foreach (var name in new[] { nameof(StorageOptions.ConcernsTable), nameof(StorageOptions.AuditLogTable), nameof(StorageOptions.ReportSnapshotsTable) }
                     .Where(name => !keepAuditLog || name != nameof(StorageOptions.AuditLogTable)))
        {
            await azurite.TableService.DeleteTableAsync(host.Setting(name));
        }
    }

    private async Task<int> RowCountAsync(string table)
    {
        var count = 0;
        if (!await TableExistsAsync(table))
        {
            return 0;
        }

        await foreach (var _ in azurite.TableService.GetTableClient(table).QueryAsync<TableEntity>())
        {
            count++;
        }

        return count;
    }

    private async Task<bool> TableExistsAsync(string table)
    {
        await foreach (var _ in azurite.TableService.QueryAsync(item => item.Name == table))
        {
            return true;
        }

        return false;
    }

    private BlobContainerClient Backups(ApiTestHost host) =>
        new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(host.Setting(nameof(StorageOptions.BackupContainer)));

    [Fact]
    public async Task After_the_tables_are_lost_a_restore_brings_back_every_concern_and_the_year_compiles_to_the_same_snapshot()
    {
        await using var host = await OperationsTestHost.StartAsync(azurite);
        await Years.AllCellsLarge(2025).SeedAsync(host);
        await host.SeedAsync(2024, 7, true, ReporterKind.Other, Outcome.Pending);
        using var compile = await host.CreateClient(OperationsTestHost.AdminId, AppRoles.ReportsAdmin).PostAsync("/api/reports/2025/compile", content: null);
        Assert.Equal(HttpStatusCode.OK, compile.StatusCode);
        var compiled = (await host.Get<ReportSnapshotStore>().GetAsync(2025, CancellationToken.None))!;
        var concerns2025 = await ReadYearAsync(host, 2025);
        var concerns2024 = await ReadYearAsync(host, 2024);
        var auditRows = await RowCountAsync(host.AuditLogTable);
        Assert.True(auditRows > 0);

        var manifest = await host.Get<BackupExporter>().ExportAsync(CancellationToken.None);
        await DeleteTablesAsync(host);
        using var response = await host.CreateClient(OperationsTestHost.AdminId, AppRoles.ReportsAdmin)
            .PostAsync($"/api/backups/{manifest.Run}/restore", content: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, manifest.Attempts);
        Assert.Equal(Sorted(concerns2025), Sorted(await ReadYearAsync(host, 2025)));
        Assert.Equal(Sorted(concerns2024), Sorted(await ReadYearAsync(host, 2024)));
        var recompiled = await host.Get<AnnualStatisticsCompiler>().CompileAsync(2025, CancellationToken.None);
        Assert.Equal(CompileOutcome.Unchanged, recompiled.Outcome);
        Assert.Equal(Flatten(compiled.Tables), Flatten(recompiled.Snapshot.Tables));
        Assert.Equal((compiled.Status, compiled.CompiledAt), (recompiled.Snapshot.Status, recompiled.Snapshot.CompiledAt));
        // The restore's own success entry comes on top of the restored ones.
        Assert.Equal(auditRows + 1, await RowCountAsync(host.AuditLogTable));
    }

    [Fact]
    public async Task The_backup_holds_the_rows_as_stored_with_payloads_still_sealed()
    {
        await using var host = await OperationsTestHost.StartAsync(azurite);
        await host.SeedAsync(2025, 3, true, ReporterKind.MunicipalEmployee, Outcome.Confirmed);

        var manifest = await host.Get<BackupExporter>().ExportAsync(CancellationToken.None);

        var concerns = Assert.Single(manifest.Partitions, partition => partition.Table == BackupTables.Concerns);
        Assert.Equal(("2025", $"{manifest.Run}/Concerns/2025.jsonl"), (concerns.PartitionKey, concerns.Blob));
        Assert.Equal(await RowCountAsync(host.ConcernsTable), concerns.Rows);
        var text = (await Backups(host).GetBlobClient(concerns.Blob).DownloadContentAsync()).Value.Content.ToString();
        Assert.DoesNotContain("MunicipalEmployee", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("confirmed", text, StringComparison.OrdinalIgnoreCase);
        Assert.True((await Backups(host).GetBlobClient(BackupManifest.BlobName(manifest.Run)).ExistsAsync()).Value);
    }

    [Fact]
    public async Task A_restore_into_tables_that_hold_concerns_is_refused_and_writes_nothing()
    {
        await using var host = await OperationsTestHost.StartAsync(azurite);
        await host.SeedAsync(2025, 4, false, ReporterKind.Other, Outcome.Dismissed);
        var manifest = await host.Get<BackupExporter>().ExportAsync(CancellationToken.None);
        var rows = await RowCountAsync(host.ConcernsTable);

        using var response = await host.CreateClient(OperationsTestHost.AdminId, AppRoles.ReportsAdmin)
            .PostAsync($"/api/backups/{manifest.Run}/restore", content: null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(rows, await RowCountAsync(host.ConcernsTable));
    }

    [Fact]
    public async Task A_damaged_backup_or_an_unknown_run_is_refused_and_writes_nothing()
    {
        await using var host = await OperationsTestHost.StartAsync(azurite);
        await host.SeedAsync(2025, 4, false, ReporterKind.Other, Outcome.Dismissed);
        var manifest = await host.Get<BackupExporter>().ExportAsync(CancellationToken.None);
        var concerns = manifest.Partitions.Single(partition => partition.Table == BackupTables.Concerns);
        await Backups(host).GetBlobClient(concerns.Blob).UploadAsync(BinaryData.FromString("{}\n"), overwrite: true);
        await DeleteTablesAsync(host, keepAuditLog: true); // the refusals are audited in it
        var client = host.CreateClient(OperationsTestHost.AdminId, AppRoles.ReportsAdmin);

        using var damaged = await client.PostAsync($"/api/backups/{manifest.Run}/restore", content: null);
        using var unknown = await client.PostAsync("/api/backups/20200101T000000Z-00000000/restore", content: null);

        using var malformed = await client.PostAsync("/api/backups/..%2Fother/restore", content: null);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, damaged.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("20200101T000000Z-00000000", (await unknown.ReadProblemAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType?.MediaType);
        Assert.False(await TableExistsAsync(host.ConcernsTable));
    }

    [Fact]
    public async Task Runs_are_listed_newest_first_to_an_admin_only()
    {
        await using var host = await OperationsTestHost.StartAsync(azurite);
        var first = await host.Get<BackupExporter>().ExportAsync(CancellationToken.None);
        host.Time.Advance(TimeSpan.FromDays(1));
        var second = await host.Get<BackupExporter>().ExportAsync(CancellationToken.None);

        var runs = await host.CreateClient(OperationsTestHost.AdminId, AppRoles.ReportsAdmin).GetFromJsonAsync<string[]>("/api/backups");
        using var refused = await host.CreateClient(OperationsTestHost.AdminId, AppRoles.ReportsRead).GetAsync("/api/backups");

        Assert.Equal([second.Run, first.Run], runs!);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task Retention_deletes_the_year_from_every_backup_run_and_the_runs_stay_restorable()
    {
        await using var host = await OperationsTestHost.StartAsync(azurite, options => options.Now = new DateTimeOffset(2025, 6, 1, 5, 0, 0, TimeSpan.Zero));
        await host.SeedAsync(2019, 6, true, ReporterKind.MunicipalEmployee, Outcome.Confirmed);
        await host.SeedAsync(2021, 5, false, ReporterKind.OtherAuthority, Outcome.Dismissed);
        var snapshots = host.Get<ReportSnapshotStore>();
        var compiled = (await host.Get<AnnualStatisticsCompiler>().CompileAsync(2019, CancellationToken.None)).Snapshot;
        await snapshots.TryReplaceAsync(compiled with { Status = ReportStatus.Sent, SentAt = new DateTimeOffset(2020, 1, 6, 5, 0, 0, TimeSpan.Zero) }, CancellationToken.None);
        var before = await host.Get<BackupExporter>().ExportAsync(CancellationToken.None);
        var concerns2021 = await ReadYearAsync(host, 2021);

        Assert.Equal([2019], await host.Get<RetentionJob>().RunAsync(CancellationToken.None));

        var names = new List<string>();
        await foreach (var blob in Backups(host).GetBlobsAsync(new GetBlobsOptions { States = BlobStates.All }))
        {
            names.Add(blob.Name);
        }

        Assert.DoesNotContain(names, name => name.EndsWith("/Concerns/2019.jsonl", StringComparison.Ordinal));
        Assert.Contains($"{before.Run}/Concerns/2021.jsonl", names);
        Assert.Empty(await host.Get<BackupRetention>().DeleteYearAsync(2019, CancellationToken.None));
        await DeleteTablesAsync(host);
        var restored = await host.Get<BackupRestorer>().RestoreAsync(before.Run, CancellationToken.None);
        Assert.Equal(RestoreOutcome.Restored, restored.Outcome);
        Assert.Empty(await ReadYearAsync(host, 2019));
        Assert.Equal(Sorted(concerns2021), Sorted(await ReadYearAsync(host, 2021)));
    }
}
