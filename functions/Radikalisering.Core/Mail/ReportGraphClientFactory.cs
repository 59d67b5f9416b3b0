using Azure.Core;
using Microsoft.Graph;
using Microsoft.Kiota.Authentication.Azure;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace Radikalisering.Core.Mail;

/// <summary>
/// Builds the <see cref="GraphServiceClient"/> for sending the report: Graph's default middleware
/// with its <see cref="RetryHandler"/> set to retry throttling (429) and unavailable service
/// (503, 504) up to <see cref="MaxRetries"/> times, waiting what <c>Retry-After</c> says or
/// backing off exponentially. 500 is not retried: the mail may have gone out.
/// </summary>
public static class ReportGraphClientFactory
{
    public const string Scope = "https://graph.microsoft.com/.default";
    public const int MaxRetries = 5;
    public const int BackOffSeconds = 2;

    /// <param name="credential"><c>DefaultAzureCredential</c> in Azure (managed identity with Mail.Send).</param>
    /// <param name="finalHandler">The transport; tests pass a handler that captures the request.</param>
    public static GraphServiceClient Create(TokenCredential credential, HttpMessageHandler? finalHandler = null)
    {
        var handlers = GraphClientFactory.CreateDefaultHandlers()
            .Select(handler => handler is RetryHandler
                ? new RetryHandler(new RetryHandlerOption { MaxRetry = MaxRetries, Delay = BackOffSeconds })
                : handler)
            .ToList();
        var httpClient = GraphClientFactory.Create(handlers, finalHandler: finalHandler);
        var authentication = new AzureIdentityAuthenticationProvider(credential, scopes: [Scope]);
        return new GraphServiceClient(httpClient, authentication);
    }
}
