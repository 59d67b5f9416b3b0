using System.Text.Json;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;
using Radikalisering.Core.Http;
using Radikalisering.Core.Storage;

namespace Radikalisering.Core.Reports;

/// <summary>
/// The <c>report-ready</c> queue: one message per compiled year, <c>{"year":2026}</c>. The client
/// encodes messages as base64 (<see cref="QueueMessageEncoding.Base64"/>, set on the
/// <see cref="QueueServiceClient"/> by <c>AddStorage</c>), as the Functions queue trigger expects.
/// </summary>
public sealed class ReportReadyMessages(QueueServiceClient queues, IOptions<StorageOptions> options)
{
    /// <summary>
    /// The queue the Functions queue trigger listens on (a trigger attribute needs a constant).
    /// <c>Storage:ReportReadyQueue</c> must keep this default in Azure; tests change it to isolate themselves.
    /// </summary>
    public const string TriggerQueueName = "report-ready";

    public async Task EnqueueAsync(int year, CancellationToken cancellationToken)
    {
        var queue = queues.GetQueueClient(options.Value.ReportReadyQueue);
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await queue.SendMessageAsync(JsonSerializer.Serialize(new ReportReadyMessage(year), JsonDefaults.Options), cancellationToken);
    }

    /// <exception cref="FormatException">The message is not a report-ready message; it goes to the poison queue.</exception>
    public static int ParseYear(string message)
    {
        try
        {
            return JsonSerializer.Deserialize<ReportReadyMessage>(message, JsonDefaults.Options)?.Year
                ?? throw new FormatException("Empty report-ready message.");
        }
        catch (JsonException exception)
        {
            throw new FormatException($"Not a report-ready message: {message}", exception);
        }
    }
}
