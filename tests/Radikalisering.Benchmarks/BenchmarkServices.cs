using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Radikalisering.Core;

namespace Radikalisering.Benchmarks;

/// <summary>
/// The app's services as the app composes them (<see cref="RadikaliseringHostBuilderExtensions.AddRadikalisering"/>,
/// so a create is audited to the table and the trail, as it ships) on an Azurite, Development key and auth,
/// tables and trail container unique to the caller; each storage request passes <paramref name="requests"/>, when given.
/// </summary>
internal static class BenchmarkServices
{
    public static ServiceProvider Build(string connectionString, string suffix, StorageRequests? requests = null, IReadOnlyList<string>? disclosureTables = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Development });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = connectionString,
            ["Storage:ConcernsTable"] = "Concerns" + suffix,
            ["Storage:AuditLogTable"] = "AuditLog" + suffix,
            ["Storage:ReportSnapshotsTable"] = "ReportSnapshots" + suffix,
            ["Storage:AuditTrailContainer"] = "audit-trail-" + suffix,
            ["KeyVault:DevelopmentKey"] = Convert.ToBase64String(new byte[32]),
            ["Auth:Mode"] = "Development",
        });
        builder.Configuration.AddInMemoryCollection((disclosureTables ?? []).Select((table, i) => KeyValuePair.Create($"Disclosure:Tables:{i}", (string?)table)));
        if (requests is not null)
        {
            var tableOptions = new TableClientOptions();
            tableOptions.AddPolicy(requests.Table, HttpPipelinePosition.PerRetry);
            var blobOptions = new BlobClientOptions();
            blobOptions.AddPolicy(requests.Blob, HttpPipelinePosition.PerRetry);
            builder.Services.AddSingleton(new TableServiceClient(connectionString, tableOptions));
            builder.Services.AddSingleton(new BlobServiceClient(connectionString, blobOptions));
        }

        builder.AddRadikalisering();
        return builder.Services.BuildServiceProvider();
    }

    public static string UniqueSuffix() => Guid.NewGuid().ToString("N")[..10];
}

/// <summary>Counts every request the app's table and blob clients send, retries included.</summary>
internal sealed class StorageRequests
{
    public RequestCounter Table { get; } = new();

    public RequestCounter Blob { get; } = new();

    public void Reset()
    {
        Table.Reset();
        Blob.Reset();
    }

    internal sealed class RequestCounter : HttpPipelineSynchronousPolicy
    {
        private int _count;

        public int Count => _count;

        public void Reset() => Interlocked.Exchange(ref _count, 0);

        public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref _count);
    }
}
