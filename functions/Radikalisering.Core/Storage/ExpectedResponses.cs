using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;

namespace Radikalisering.Core.Storage;

/// <summary>
/// Azure.Core logs every 4xx/5xx answer as a warning ("Azure.Core" error response), and AddAzureClients forwards it
/// to the app's logs, where an operator cannot tell it from a real error. Some answers are expected outcomes, e.g. the
/// 409 for adding a row that an earlier attempt of the same write already stored: a call made inside
/// <see cref="Expect"/> has that status classified as no error for its requests only, so the SDK logs it at Information
/// (filtered out) and still throws it, while the same status from any other call stays a warning.
/// </summary>
public static class ExpectedResponses
{
    private const string PropertyName = "Radikalisering.ExpectedStatus";

    /// <summary>The policy that applies <see cref="Expect"/>; every Azure client of the app has it (AddAzureClientDefaults).</summary>
    public static HttpPipelinePolicy Policy { get; } = new ExpectedStatusPolicy();

    /// <summary>Until disposed, the SDK requests started in this async flow do not count <paramref name="statuses"/> as errors.</summary>
    public static IDisposable Expect(params int[] statuses) =>
        HttpPipeline.CreateHttpMessagePropertiesScope(new Dictionary<string, object?> { [PropertyName] = statuses });

    /// <summary>Adds the entity; null when a row with its keys exists already (409), which is expected and not logged as an error.</summary>
    public static async Task<Response?> TryAddEntityAsync<T>(this TableClient table, T entity, CancellationToken cancellationToken)
        where T : ITableEntity
    {
        using var expected = Expect(409);
        try
        {
            return await table.AddEntityAsync(entity, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            return null;
        }
    }

    private sealed class ExpectedStatusPolicy : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message)
        {
            if (message.TryGetProperty(PropertyName, out var statuses) && statuses is int[] expected)
            {
                message.ResponseClassifier = new ExpectedStatusClassifier(message.ResponseClassifier, expected);
            }
        }
    }

    private sealed class ExpectedStatusClassifier(ResponseClassifier inner, int[] expected) : ResponseClassifier
    {
        public override bool IsErrorResponse(HttpMessage message) =>
            !expected.Contains(message.Response.Status) && inner.IsErrorResponse(message);

        public override bool IsRetriableResponse(HttpMessage message) => inner.IsRetriableResponse(message);

        public override bool IsRetriableException(Exception exception) => inner.IsRetriableException(exception);

        public override bool IsRetriable(HttpMessage message, Exception exception) => inner.IsRetriable(message, exception);
    }
}
