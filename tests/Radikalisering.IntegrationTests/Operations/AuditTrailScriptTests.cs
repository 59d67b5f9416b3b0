using System.Diagnostics;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Radikalisering.Core.Audit;
using Radikalisering.Core.AuditTrail;
using Radikalisering.Core.Storage;
using Radikalisering.IntegrationTests.Deployment;
using Radikalisering.IntegrationTests.Fixtures.Azurite;
using Radikalisering.IntegrationTests.Fixtures.Http;
using Radikalisering.IntegrationTests.Integrity;
using Radikalisering.IntegrationTests.Reports;

namespace Radikalisering.IntegrationTests.Operations;

/// <summary>
/// infra/scripts/verify-audit-trail.sh checks the trail the app wrote without the app's code
/// (sha256sum and bash), and finds the same first broken link as <see cref="AuditTrailVerifier"/>.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AuditTrailScriptTests(AzuriteFixture azurite) : IDisposable
{
    private readonly string _download = Directory.CreateTempSubdirectory("audit-trail-").FullName;

    public void Dispose()
    {
        Directory.Delete(_download, recursive: true);
    }

    [Fact]
    public async Task The_script_finds_an_intact_trail_intact_and_counts_its_records()
    {
        await using var host = await OperationsTestHost.StartAsync(azurite);
        await WriteEntriesAsync(host, 4);
        await DownloadAsync(host);

        var (exitCode, output) = await RunScriptAsync();

        Assert.True(exitCode == 0, output);
        Assert.Contains("intact: 1 blobs, 4 records", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("deleted")]
    [InlineData("changed")]
    [InlineData("reordered")]
    public async Task The_script_reports_the_same_first_broken_link_as_the_app(string tampering)
    {
        await using var host = await OperationsTestHost.StartAsync(azurite);
        await WriteEntriesAsync(host, 4);
        var file = Assert.Single(await DownloadAsync(host));
        var lines = (await File.ReadAllLinesAsync(file)).ToList();
        lines = tampering switch
        {
            "deleted" => [.. lines.Where((_, index) => index != 1)],
            "changed" => [.. lines.Select((line, index) => index == 2 ? line.Replace("caller-2", "caller-7", StringComparison.Ordinal) : line)],
            _ => [lines[0], lines[1], lines[3], lines[2]],
        };
        await File.WriteAllTextAsync(file, string.Concat(lines.Select(line => line + "\n")));
        var name = Path.GetRelativePath(_download, file);

        var (exitCode, output) = await RunScriptAsync();

        Assert.Equal(1, exitCode);
        var (_, expected) = AuditTrailVerifier.VerifyBlob(name, await File.ReadAllTextAsync(file));
        Assert.NotNull(expected);
        Assert.Contains($"broken: {name} line {expected.Line}: {expected.Reason}", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_script_reports_an_event_in_the_trail_twice_and_the_gaps_against_the_AuditLog_rows()
    {
        await using var host = await OperationsTestHost.StartAsync(azurite);
        await WriteEntriesAsync(host, 3);
        var duplicated = new AuditEntry("caller-d", AuditActions.ReadConcern, "d", AuditResult.Succeeded).Stamped(host.Time.GetUtcNow());
        await host.Get<IAuditLog>().WriteAsync(duplicated, CancellationToken.None);
        await host.Get<AuditTrailWriter>().AppendAsync(duplicated, CancellationToken.None);
        await DownloadAsync(host);
        var rowKeys = (await IntegrityStore.AuditRowsAsync(azurite, host)).Select(row => row.RowKey).ToList();
        var rowWithoutRecord = Guid.NewGuid();
        var recordWithoutRow = IntegrityStore.OperationIdOf((await IntegrityStore.AuditRowsAsync(azurite, host))[0]);
        var auditLog = Path.Combine(Directory.CreateTempSubdirectory("audit-log-").FullName, "rowkeys.txt");
        await File.WriteAllLinesAsync(auditLog, [.. rowKeys.Where(rowKey => !rowKey.EndsWith(recordWithoutRow.ToString("N"), StringComparison.Ordinal)), rowWithoutRecord.ToString()]);

        var (withoutTable, duplicateOnly) = await RunScriptAsync();
        var (exitCode, output) = await RunScriptAsync(auditLog);

        Assert.Equal(1, withoutTable);
        Assert.Contains($"duplicate: {duplicated.OperationId:N}", duplicateOnly, StringComparison.Ordinal);
        Assert.Equal(1, exitCode);
        Assert.Contains($"duplicate: {duplicated.OperationId:N}", output, StringComparison.Ordinal);
        Assert.Contains($"missing from trail: {rowWithoutRecord:N}", output, StringComparison.Ordinal);
        Assert.Contains($"missing from audit log: {recordWithoutRow:N}", output, StringComparison.Ordinal);
        Assert.DoesNotContain("intact", output, StringComparison.Ordinal);
    }

    private static async Task WriteEntriesAsync(ApiTestHost host, int count)
    {
        var audit = host.Get<IAuditLog>();
        for (var index = 0; index < count; index++)
        {
            await audit.WriteAsync(new AuditEntry($"caller-{index}", AuditActions.UpdateConcern, $"subject-{index}", AuditResult.Succeeded), CancellationToken.None);
        }
    }

    /// <summary>What <c>az storage blob download-batch</c> does: each blob to a file at its name under the directory.</summary>
    private async Task<List<string>> DownloadAsync(ApiTestHost host)
    {
        var container = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(host.Setting(nameof(StorageOptions.AuditTrailContainer)));
        var files = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions()))
        {
            var path = Path.Combine(_download, blob.Name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await container.GetBlobClient(blob.Name).DownloadToAsync(path);
            files.Add(path);
        }

        return files;
    }

    private async Task<(int ExitCode, string Output)> RunScriptAsync(string? auditLog = null)
    {
        var startInfo = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        startInfo.ArgumentList.Add(RepositoryPaths.Infra("scripts", "verify-audit-trail.sh"));
        if (auditLog is not null)
        {
            startInfo.ArgumentList.Add("--audit-log");
            startInfo.ArgumentList.Add(auditLog);
        }

        startInfo.ArgumentList.Add("--directory");
        startInfo.ArgumentList.Add(_download);
        using var process = Process.Start(startInfo)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}
