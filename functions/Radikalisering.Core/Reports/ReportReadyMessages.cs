using System.Text.Json;
using Azure.Storage.Queues;

namespace Radikalisering.Core.Reports;

/// <summary>
/// The <c>report-ready</c> queue: one message per compiled year, <c>{"year":2026}</c>. The client
/// must encode messages as base64, as the Functions queue trigger expects
/// (<see cref="QueueMessageEncoding.Base64"/>; see <see cref="ClientOptions"/>).
/// </summary>
public sealed class ReportReadyMessages(QueueClient queue)
{
    public const string DefaultName = "report-ready";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static QueueClientOptions ClientOptions => new() { MessageEncoding = QueueMessageEncoding.Base64 };

    public async Task EnqueueAsync(int year, CancellationToken cancellationToken)
    {
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await queue.SendMessageAsync(JsonSerializer.Serialize(new ReportReadyMessage(year), Json), cancellationToken).ConfigureAwait(false);
    }

    /// <exception cref="FormatException">The message is not a report-ready message; it goes to the poison queue.</exception>
    public static int ParseYear(string message)
    {
        try
        {
            return JsonSerializer.Deserialize<ReportReadyMessage>(message, Json)?.Year
                ?? throw new FormatException("Empty report-ready message.");
        }
        catch (JsonException exception)
        {
            throw new FormatException($"Not a report-ready message: {message}", exception);
        }
    }
}
