using System.Net;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Security.KeyVault.Secrets;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using Radikalisering.Core.Encryption;
using Radikalisering.Core.Storage;
using Radikalisering.TestSupport;
using Radikalisering.Tests.Reports;

namespace Radikalisering.Tests.Storage;

/// <summary>The Azure clients as <c>AddAzureClients</c> builds them: in Azure from the service URIs with the app's one credential, locally from Azurite's connection string.</summary>
public sealed class AzureClientRegistrationTests : IDisposable
{
    private static readonly Dictionary<string, string?> InAzure = new()
    {
        ["Storage:TableServiceUri"] = "https://stradik.table.core.windows.net",
        ["Storage:QueueServiceUri"] = "https://stradik.queue.core.windows.net",
        ["Storage:BlobServiceUri"] = "https://stradik.blob.core.windows.net",
        ["KeyVault:VaultUri"] = "https://kv-radik.vault.azure.net/",
    };

    private readonly FixedTokenCredential _credential = new();
    private readonly CapturingHttpHandler _azure = new();

    public void Dispose() => _azure.Dispose();

    [Fact]
    public async Task In_Azure_tables_queues_and_blobs_are_called_at_their_service_URIs_with_the_apps_credential()
    {
        using var services = Build(InAzure);

        await Refused(() => services.GetRequiredService<TableServiceClient>().GetPropertiesAsync());
        await Refused(() => services.GetRequiredService<QueueServiceClient>().GetPropertiesAsync());
        await Refused(() => services.GetRequiredService<BlobServiceClient>().GetPropertiesAsync());

        Assert.Equal(
            ["stradik.table.core.windows.net", "stradik.queue.core.windows.net", "stradik.blob.core.windows.net"],
            _azure.Requests.Select(request => request.Uri.Host));
        Assert.All(_azure.Requests, request => Assert.Equal($"Bearer {FixedTokenCredential.Token}", request.Authorization));
    }

    [Fact]
    public async Task The_data_key_is_read_from_the_configured_vault()
    {
        using var services = Build(InAzure);

        await Refused(() => services.GetRequiredService<SecretClient>().GetSecretAsync("concerns-data-key"));

        Assert.Equal("kv-radik.vault.azure.net", Assert.Single(_azure.Requests).Uri.Host);
    }

    [Fact]
    public async Task Locally_the_clients_use_Azurites_connection_string_and_never_ask_for_a_token()
    {
        using var services = Build(new() { ["Storage:ConnectionString"] = "UseDevelopmentStorage=true" });

        await Refused(() => services.GetRequiredService<TableServiceClient>().GetPropertiesAsync());

        var request = Assert.Single(_azure.Requests);
        Assert.Equal(("127.0.0.1", 10002), (request.Uri.Host, request.Uri.Port));
        Assert.StartsWith("SharedKey", request.Authorization, StringComparison.Ordinal);
        Assert.Empty(_credential.RequestedScopes);
    }

    [Fact]
    public void Every_client_retries_within_the_retry_budget_with_the_SDKs_own_retry()
    {
        using var services = Build(InAzure);

        RetryOptions[] retries =
        [
            Options<TableClientOptions>(services).Retry,
            Options<QueueClientOptions>(services).Retry,
            Options<BlobClientOptions>(services).Retry,
            Options<SecretClientOptions>(services).Retry,
        ];
        Assert.All(retries, retry =>
        {
            Assert.Equal(RetryBudget.MaxRetries, retry.MaxRetries);
            Assert.Equal(RetryBudget.MaxDelay, retry.MaxDelay);
            Assert.Equal(RetryBudget.NetworkTimeout, retry.NetworkTimeout);
        });
        Assert.Equal(QueueMessageEncoding.Base64, Options<QueueClientOptions>(services).MessageEncoding);
    }

    [Fact]
    public void A_client_registered_before_wins()
    {
        var own = new TableServiceClient("UseDevelopmentStorage=true");

        using var services = Build(InAzure, collection => collection.AddSingleton(own));

        Assert.Same(own, services.GetRequiredService<TableServiceClient>());
    }

    private static TOptions Options<TOptions>(IServiceProvider services)
        where TOptions : class =>
        services.GetRequiredService<IOptionsMonitor<TOptions>>().Get("Default");

    private static async Task Refused(Func<Task> call) => await Assert.ThrowsAsync<RequestFailedException>(call);

    private ServiceProvider Build(Dictionary<string, string?> settings, Action<IServiceCollection>? before = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var environment = new HostingEnvironment { EnvironmentName = Environments.Production };
        var services = new ServiceCollection().AddLogging().AddSingleton<IHostEnvironment>(environment).AddSingleton<TokenCredential>(_credential);
        before?.Invoke(services);
        services.AddAzureClientDefaults(configuration).AddStorage(configuration).AddEncryption(configuration, environment);
        // Every request goes to the capturing handler, which refuses it (403 is never retried).
        services.AddAzureClients(clients => clients.ConfigureDefaults(options => options.Transport = new HttpClientTransport(_azure)));
        for (var call = 0; call < 4; call++)
        {
            _azure.Then(HttpStatusCode.Forbidden);
        }

        return services.BuildServiceProvider();
    }
}
