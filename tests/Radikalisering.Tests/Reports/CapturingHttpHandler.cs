using System.Net;

namespace Radikalisering.Tests.Reports;

/// <summary>Stands in for graph.microsoft.com: records every request and answers with the next scripted response (202 when none is left).</summary>
internal sealed class CapturingHttpHandler : HttpMessageHandler
{
    private readonly Queue<Func<HttpResponseMessage>> _responses = new();

    public List<CapturedRequest> Requests { get; } = [];

    public CapturingHttpHandler Then(HttpStatusCode status, TimeSpan? retryAfter = null, string? json = null)
    {
        _responses.Enqueue(() =>
        {
            var response = new HttpResponseMessage(status);
            if (retryAfter is { } delay)
            {
                response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(delay);
            }

            if (json is not null)
            {
                response.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
            }

            return response;
        });
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(new CapturedRequest(
            request.Method,
            request.RequestUri!,
            request.Headers.Authorization?.ToString(),
            request.Content?.Headers.ContentType?.MediaType,
            request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken),
            DateTimeOffset.UtcNow));
        var response = _responses.TryDequeue(out var next) ? next() : new HttpResponseMessage(HttpStatusCode.Accepted);
        response.RequestMessage = request; // as HttpClientHandler does; the retry handler resends from it
        return response;
    }
}
