using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Radikalisering.Core.Encryption;
using Radikalisering.Core.Storage;

namespace Radikalisering.Core.Concerns;

/// <summary>
/// Opens what the first create needs while the worker starts, without holding up its start: the Concerns and
/// AuditLog tables (created when missing) and the current data key (a Key Vault read in Azure). A request that
/// comes sooner shares the same reads; a failure here is only logged, and the request path tries again.
/// </summary>
internal sealed partial class RecordPathWarmup(
    TableClientProvider tables,
    IOptions<StorageOptions> options,
    PayloadCipher cipher,
    ILogger<RecordPathWarmup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
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
