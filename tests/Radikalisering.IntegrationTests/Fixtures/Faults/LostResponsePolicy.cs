using Azure.Core;
using Azure.Core.Pipeline;

namespace Radikalisering.IntegrationTests.Fixtures.Faults;

/// <summary>
/// A per-try Table client policy that lets chosen requests reach the service and then loses their answer
/// (an <see cref="IOException"/>, as a dropped connection gives), once each: the SDK retries a request that
/// had already taken effect. Exactly the situation the fault proxy produces by chance, made certain.
/// </summary>
public sealed class LostResponsePolicy(Func<HttpMessage, bool> loses) : HttpPipelinePolicy
{
    private int _lost;

    /// <summary>How many answers were lost.</summary>
    public int Lost => _lost;

    /// <summary>While false, nothing is lost.</summary>
    public bool Armed { get; set; }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        throw new NotSupportedException("The table client is used asynchronously.");

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var lose = Armed && !message.TryGetProperty(typeof(LostResponsePolicy), out _) && loses(message);
        await ProcessNextAsync(message, pipeline);
        if (lose && message.Response.Status < 300)
        {
            message.SetProperty(typeof(LostResponsePolicy), true);
            Interlocked.Increment(ref _lost);
            throw new IOException("The connection dropped before the answer arrived (simulated).");
        }
    }

    /// <summary>A table transaction (<c>$batch</c>).</summary>
    public static bool IsTransaction(HttpMessage message) =>
        message?.Request.Uri.Path.EndsWith("/$batch", StringComparison.Ordinal) == true;

    /// <summary>An insert of one entity into <paramref name="table"/>.</summary>
    public static bool IsInsertInto(HttpMessage message, string table) =>
        message?.Request.Method == RequestMethod.Post && message.Request.Uri.Path.EndsWith("/" + table, StringComparison.Ordinal);
}
