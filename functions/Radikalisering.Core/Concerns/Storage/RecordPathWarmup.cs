using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Radikalisering.Core.Encryption;
using Radikalisering.Core.Storage;

namespace Radikalisering.Core.Concerns;

/// <summary>
/// Opens what a create needs before staff need it: the Concerns and AuditLog tables (created when missing) and
/// the current data key (a Key Vault read in Azure), on the instance the <c>WarmUpRecordPath</c> timer runs on, every
/// five minutes of the working day; a run on a warm instance costs nothing but the timer. A request that comes
/// meanwhile shares the same reads; a failure here is only logged, and the request path tries again.
/// </summary>
public sealed partial class RecordPathWarmup(
    TableClientProvider tables,
    IOptions<StorageOptions> options,
    PayloadCipher cipher,
    ILogger<RecordPathWarmup> logger)
{
    /// <summary>NCRONTAB (with seconds), UTC: every five minutes (half a minute after the sweep) from 06:00 to 16:59 on weekdays, Copenhagen's working day in winter and summer.</summary>
    public const string Schedule = "30 */5 6-16 * * 1-5";

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.WhenAll(
                tables.GetAsync(options.Value.ConcernsTable, stoppingToken),
                tables.GetAsync(options.Value.AuditLogTable, stoppingToken),
                cipher.CurrentKeyVersionAsync(stoppingToken));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogWarmupFailed(exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Opening the tables and the data key at start failed; the first request tries again.")]
    private partial void LogWarmupFailed(Exception exception);
}
