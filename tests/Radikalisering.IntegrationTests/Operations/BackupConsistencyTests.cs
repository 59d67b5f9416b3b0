using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.DependencyInjection;
using Radikalisering.Core.Backup;
using Radikalisering.Core.Concerns;
using Radikalisering.Core.Storage;
using Radikalisering.IntegrationTests.Fixtures.Azurite;
using Radikalisering.IntegrationTests.Reports;

namespace Radikalisering.IntegrationTests.Operations;

/// <summary>A row written while a backup run reads makes the run start again, so every kept run is one consistent snapshot.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BackupConsistencyTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_row_written_during_the_export_is_caught_and_the_run_is_taken_again()
    {
        var concurrentWriter = new WriteOnceAfterFirstRead(azurite.ConnectionString);
        await using var host = await OperationsTestHost.StartAsync(azurite, options =>
        {
            concurrentWriter.Table = options.Settings["Storage:ConcernsTable"] = AzuriteFixture.UniqueName("Concerns");
            options.AddServices(services =>
            {
                var clientOptions = new TableClientOptions();
                clientOptions.AddPolicy(concurrentWriter, HttpPipelinePosition.PerCall);
                services.AddSingleton(new TableServiceClient(azurite.ConnectionString, clientOptions));
            });
        });
        await host.SeedAsync(2025, 3, false, ReporterKind.Other, Outcome.Pending);
        var rowsBefore = await CountAsync(host.ConcernsTable);

        var manifest = await host.Get<BackupExporter>().ExportAsync(CancellationToken.None);

        Assert.True(concurrentWriter.Wrote);
        Assert.Equal(2, manifest.Attempts);
        Assert.Equal(rowsBefore + 1, manifest.Partitions.Where(partition => partition.Table == BackupTables.Concerns).Sum(partition => partition.Rows));
        var container = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(host.Setting(nameof(StorageOptions.BackupContainer)));
        await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions()))
        {
            Assert.StartsWith($"{manifest.Run}/", blob.Name, StringComparison.Ordinal);
        }
    }

    private async Task<int> CountAsync(string table)
    {
        var count = 0;
        await foreach (var _ in azurite.TableService.GetTableClient(table).QueryAsync<TableEntity>())
        {
            count++;
        }

        return count;
    }

    /// <summary>Right after the app's first read of the concerns table, another writer adds a row there, once.</summary>
    private sealed class WriteOnceAfterFirstRead(string connectionString) : HttpPipelinePolicy
    {
        public string Table { get; set; } = "";

        public bool Wrote { get; private set; }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            throw new NotSupportedException("The app's storage calls are asynchronous.");

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            await ProcessNextAsync(message, pipeline);
            if (!Wrote && message.Request.Method == RequestMethod.Get && message.Request.Uri.Path.Contains($"/{Table}()", StringComparison.Ordinal)
                && !message.Request.Uri.Query.Contains("Timestamp", StringComparison.Ordinal))
            {
                Wrote = true;
                await new TableClient(connectionString, Table).AddEntityAsync(new TableEntity("2025", Guid.NewGuid().ToString()) { ["Written"] = "during the export" });
            }
        }
    }
}
