using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Radikalisering.Core.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>The setting that selects the user-assigned managed identity.</summary>
    public const string ManagedIdentityClientIdSetting = "AZURE_CLIENT_ID";

    /// <summary>
    /// <see cref="StorageOptions"/> (validated on start), the Azure credential, the table, queue and blob
    /// service clients (with the <see cref="RetryBudget"/>) and <see cref="TableClientProvider"/>. Queue messages are base64, as the
    /// Functions queue trigger expects by default.
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(descriptor => descriptor.ServiceType == typeof(TableClientProvider)))
        {
            return services;
        }

        services.AddAzureCredential(configuration);
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
            var clientOptions = new TableClientOptions();
            RetryBudget.Apply(clientOptions.Retry);
            return string.IsNullOrWhiteSpace(options.ConnectionString)
                ? new TableServiceClient(options.TableServiceUri, provider.GetRequiredService<TokenCredential>(), clientOptions)
                : new TableServiceClient(options.ConnectionString, clientOptions);
        });
        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
            var clientOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
            RetryBudget.Apply(clientOptions.Retry);
            return string.IsNullOrWhiteSpace(options.ConnectionString)
                ? new QueueServiceClient(options.QueueServiceUri, provider.GetRequiredService<TokenCredential>(), clientOptions)
                : new QueueServiceClient(options.ConnectionString, clientOptions);
        });
        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
            var clientOptions = new BlobClientOptions();
            RetryBudget.Apply(clientOptions.Retry);
            return string.IsNullOrWhiteSpace(options.ConnectionString)
                ? new BlobServiceClient(options.BlobServiceUri, provider.GetRequiredService<TokenCredential>(), clientOptions)
                : new BlobServiceClient(options.ConnectionString, clientOptions);
        });
        services.TryAddSingleton<TableClientProvider>();
        return services;
    }

    /// <summary><see cref="DefaultAzureCredential"/>, pinned to the user-assigned identity named by <c>AZURE_CLIENT_ID</c> when set.</summary>
    public static IServiceCollection AddAzureCredential(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton<TokenCredential>(_ =>
        {
            var clientId = configuration[ManagedIdentityClientIdSetting];
            return new DefaultAzureCredential(new DefaultAzureCredentialOptions
            {
                ManagedIdentityClientId = string.IsNullOrWhiteSpace(clientId) ? null : clientId,
            });
        });
        return services;
    }
}
