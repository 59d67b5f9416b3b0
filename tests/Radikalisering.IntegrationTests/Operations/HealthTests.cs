using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Radikalisering.Core.Encryption;
using Radikalisering.Core.Health;
using Radikalisering.Core.Http;
using Radikalisering.IntegrationTests.Fixtures.Azurite;
using Radikalisering.IntegrationTests.Reports;

namespace Radikalisering.IntegrationTests.Operations;

/// <summary><c>GET /api/health</c>: anonymous, says only whether storage and the data key are reachable.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class HealthTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task An_anonymous_caller_learns_that_storage_and_the_data_key_are_reachable_and_nothing_else()
    {
        await using var host = await OperationsTestHost.StartAsync(azurite);
        await host.SeedAsync(2025, 3, true, Core.Concerns.ReporterKind.Other, Core.Concerns.Outcome.Pending);

        using var response = await host.CreateClient().GetAsync($"/api/{Routes.Health}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(
            ["dataKey", "status", "storage"],
            body.EnumerateObject().Select(property => property.Name).Order(StringComparer.Ordinal));
        Assert.Equal(("healthy", "reachable", "reachable"), (body.GetProperty("status").GetString(), body.GetProperty("storage").GetString(), body.GetProperty("dataKey").GetString()));
    }

    [Fact]
    public async Task An_unreachable_data_key_makes_it_503_naming_only_the_data_key()
    {
        await using var host = await OperationsTestHost.StartAsync(azurite, options =>
            options.AddServices(services => services.AddSingleton<IDataKeyProvider, UnreachableDataKey>()));

        using var response = await host.CreateClient().GetAsync($"/api/{Routes.Health}");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("unhealthy", "reachable", "unreachable"), (body.GetProperty("status").GetString(), body.GetProperty("storage").GetString(), body.GetProperty("dataKey").GetString()));
        Assert.DoesNotContain("vault", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    private sealed class UnreachableDataKey : IDataKeyProvider
    {
        public ValueTask<DataKey> GetCurrentKeyAsync(CancellationToken cancellationToken) =>
            ValueTask.FromException<DataKey>(new InvalidOperationException("Key Vault https://kv-secret.vault.azure.net refused the request."));

        public ValueTask<DataKey> GetKeyAsync(string version, CancellationToken cancellationToken) => GetCurrentKeyAsync(cancellationToken);
    }
}
