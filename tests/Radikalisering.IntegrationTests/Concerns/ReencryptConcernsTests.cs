using System.Net;
using System.Security.Cryptography;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Radikalisering.Core.Access;
using Radikalisering.Core.Audit;
using Radikalisering.Core.Concerns;
using Radikalisering.Core.Encryption;
using Radikalisering.IntegrationTests.Fixtures.Azurite;
using Radikalisering.IntegrationTests.Fixtures.Http;

namespace Radikalisering.IntegrationTests.Concerns;

[Collection(AzuriteCollection.Name)]
public sealed class ReencryptConcernsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task After_a_rotation_old_rows_stay_readable_and_the_job_moves_them_to_the_new_key()
    {
        var keys = new RotatingKeys();
        await using var host = await ApiTestHost.StartAsync(azurite, options =>
            options.ConfigureServices = services => services.AddSingleton<IDataKeyProvider>(keys));
        using var client = host.CreateClient(ConcernRequests.Staff, AppRoles.ConcernsReadWrite);
        using var created = await client.PostAsync(ConcernRequests.Example, idempotencyKey: "rotation");
        var concern = await created.ReadAsync<ConcernView>();

        keys.Rotate();
        using (var readUnderOldKey = await client.GetAsync(ConcernRequests.UrlOf(concern)))
        {
            Assert.Equal(concern, await readUnderOldKey.ReadAsync<ConcernView>());
        }

        var rotation = host.Services.GetRequiredService<ReencryptConcernsJob>();
        await rotation.RunAsync(CancellationToken.None);

        var sealedRows = (await RowsAsync(host.ConcernsTable)).Where(row => row.ContainsKey("Payload")).ToList();
        Assert.Equal(2, sealedRows.Count);
        Assert.All(sealedRows, row => Assert.Equal("v2", row.GetString("KeyVersion")));
        keys.Forget("v1");
        ConcernView resealed;
        using (var readUnderNewKey = await client.GetAsync(ConcernRequests.UrlOf(concern)))
        {
            resealed = await readUnderNewKey.ReadAsync<ConcernView>();
        }

        Assert.NotEqual(concern.ETag, resealed.ETag);
        Assert.Equal(concern with { ETag = resealed.ETag }, resealed);

        using (var retry = await client.PostAsync(ConcernRequests.Example, idempotencyKey: "rotation"))
        {
            Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
            Assert.Equal(resealed, await retry.ReadAsync<ConcernView>());
        }

        var audit = await RowsAsync(host.AuditLogTable);
        var run = Assert.Single(audit, entry => entry.GetString(AuditLogColumns.Action) == AuditActions.ReencryptConcerns);
        Assert.Equal((AuditEntry.SystemCaller, "v2"), (run.GetString(AuditLogColumns.Who), run.GetString(AuditLogColumns.SubjectId)));
    }

    private async Task<List<TableEntity>> RowsAsync(string table)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in azurite.TableService.GetTableClient(table).QueryAsync<TableEntity>())
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>A Key Vault stand-in: versions v1, v2, … of which the newest is current.</summary>
    private sealed class RotatingKeys : IDataKeyProvider
    {
        private readonly Dictionary<string, DataKey> _versions = [];
        private DataKey _current;

        public RotatingKeys() => _current = Add("v1");

        public void Rotate() => _current = Add($"v{_versions.Count + 1}");

        public void Forget(string version) => _versions.Remove(version);

        public ValueTask<DataKey> GetCurrentKeyAsync(CancellationToken cancellationToken) => ValueTask.FromResult(_current);

        public ValueTask<DataKey> GetKeyAsync(string version, CancellationToken cancellationToken) =>
            ValueTask.FromResult(_versions[version]);

        private DataKey Add(string version) =>
            _versions[version] = new DataKey(version, RandomNumberGenerator.GetBytes(DataKey.SizeInBytes));
    }
}
