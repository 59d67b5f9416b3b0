using System.Net;
using System.Text.Json.Nodes;

namespace Radikalisering.IntegrationTests.Fixtures.Recorders;

/// <summary>
/// Stands in for graph.microsoft.com behind the real Graph client: records every <c>sendMail</c>
/// and accepts it (202), unless a failure is scripted for the next calls.
/// </summary>
public sealed class GraphRecorder : HttpMessageHandler
{
    private readonly Queue<HttpStatusCode> _failures = new();
    private bool _dropConnectionAfterNextAccept;
    private readonly List<JsonNode> _sent = [];
    private readonly Lock _gate = new();

    public IReadOnlyList<JsonNode> SentMessages
    {
        get
        {
            lock (_gate)
            {
                return _sent.ToList();
            }
        }
    }

    public string SingleHtml() => Assert.Single(SentMessages)["Message"]!["body"]!["content"]!.GetValue<string>();

    public void FailNext(HttpStatusCode status)
    {
        lock (_gate)
        {
            _failures.Enqueue(status);
        }
    }

    /// <summary>The next mail is accepted (and recorded), but the connection drops before the answer arrives.</summary>
    public void AcceptThenDropConnection()
    {
        lock (_gate)
        {
            _dropConnectionAfterNextAccept = true;
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Assert.EndsWith("/sendMail", request.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        var body = JsonNode.Parse(await request.Content!.ReadAsStringAsync(cancellationToken))!;
        lock (_gate)
        {
            if (_failures.TryDequeue(out var failure))
            {
                return new HttpResponseMessage(failure)
                {
                    RequestMessage = request,
                    Content = new StringContent("""{"error":{"code":"Scripted","message":"Scripted failure."}}""", System.Text.Encoding.UTF8, "application/json"),
                };
            }

            _sent.Add(body);
            if (_dropConnectionAfterNextAccept)
            {
                _dropConnectionAfterNextAccept = false;
                throw new HttpRequestException("The connection was reset after the request was sent.");
            }
        }

        return new HttpResponseMessage(HttpStatusCode.Accepted) { RequestMessage = request };
    }
}
