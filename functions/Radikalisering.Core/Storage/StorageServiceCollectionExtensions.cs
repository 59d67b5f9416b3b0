using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Radikalisering.Core.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>The setting that selects the user-assigned managed identity.</summary>
    public const string ManagedIdentityClientIdSetting = "AZURE_CLIENT_ID";

    /// <summary>
    /// <see cref="StorageOptions"/> (validated on start), the table, queue and blob service clients through
    /// <c>AddAzureClients</c> (a connection string for Azurite, else the service URIs with the app's credential)
    /// and <see cref="TableClientProvider"/>. Queue messages are base64, as the Functions queue trigger expects
    /// by default. Needs <see cref="AddAzureClientDefaults"/>. A client registered before (a test's) wins.
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddAzureClients(clients =>
        {
            clients.AddClient<TableServiceClient, TableClientOptions>((options, credential, provider) =>
                StorageOf(provider) is { ConnectionString: { Length: > 0 } connectionString }
                    ? new TableServiceClient(connectionString, options)
                    : new TableServiceClient(StorageOf(provider).TableServiceUri, credential, options));
            clients.AddClient<QueueServiceClient, QueueClientOptions>((options, credential, provider) =>
                    StorageOf(provider) is { ConnectionString: { Length: > 0 } connectionString }
                        ? new QueueServiceClient(connectionString, options)
                        : new QueueServiceClient(StorageOf(provider).QueueServiceUri, credential, options))
                .ConfigureOptions(options => options.MessageEncoding = QueueMessageEncoding.Base64);
            clients.AddClient<BlobServiceClient, BlobClientOptions>((options, credential, provider) =>
                StorageOf(provider) is { ConnectionString: { Length: > 0 } connectionString }
                    ? new BlobServiceClient(connectionString, options)
                    : new BlobServiceClient(StorageOf(provider).BlobServiceUri, credential, options));
        });
        services.TryAddSingleton<TableClientProvider>();
        return services;
    }

    /// <summary>
    /// The one <see cref="TokenCredential"/> of the app (unless one is registered already, as tests do):
    /// <see cref="DefaultAzureCredential"/>, pinned to the user-assigned identity named by <c>AZURE_CLIENT_ID</c>
    /// when set. Every Azure client registered with <c>AddAzureClients</c> uses it and the SDK's own retry
    /// with the <see cref="RetryBudget"/>; Graph and the telemetry exporter use it too.
    /// </summary>
    public static IServiceCollection AddAzureClientDefaults(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton<TokenCredential>(_ =>
        {
            var clientId = configuration[ManagedIdentityClientIdSetting];
            return new DefaultAzureCredential(new DefaultAzureCredentialOptions
            {
                ManagedIdentityClientId = string.IsNullOrWhiteSpace(clientId) ? null : clientId,
            });
        });
        services.AddAzureClients(clients =>
        {
            clients.UseCredential(provider => provider.GetRequiredService<TokenCredential>());
            clients.ConfigureDefaults(options =>
            {
                RetryBudget.Apply(options.Retry);
                options.AddPolicy(ExpectedResponses.Policy, HttpPipelinePosition.PerCall);
            });
        });

        // AddAzureClients forwards the SDK's event-source logs to ILogger; at Information they name every
        // request's URI (tables, partitions, rows). Only its warnings and errors reach the app's logs, and an
        // answer a call expects (ExpectedResponses) is not one.
        services.AddLogging(logging => logging.AddFilter("Azure", LogLevel.Warning));
        return services;
    }

    private static StorageOptions StorageOf(IServiceProvider provider) =>
        provider.GetRequiredService<IOptions<StorageOptions>>().Value;
}
