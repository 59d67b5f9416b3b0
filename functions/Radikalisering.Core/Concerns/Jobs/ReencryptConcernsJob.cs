using Microsoft.Extensions.Logging;
using Radikalisering.Core.Audit;

namespace Radikalisering.Core.Concerns;

/// <summary>
/// The re-encrypt job of docs/design.md (Encryption): after a rotation (a new version of the data key secret), moves
/// rows sealed under older versions onto the current one, so old versions can eventually be disabled.
/// Each run is audited.
/// </summary>
public sealed partial class ReencryptConcernsJob(ConcernMaintenance store, IAuditLog auditLog, ILogger<ReencryptConcernsJob> logger)
{
    /// <summary>Daily at 04:30 UTC, outside office hours.</summary>
    public const string Schedule = "0 30 4 * * *";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var result = await store.ReencryptAsync(cancellationToken);
        await auditLog.WriteAsync(
            new AuditEntry(AuditEntry.SystemCaller, AuditActions.ReencryptConcerns, result.KeyVersion, AuditResult.Succeeded),
            cancellationToken);
        LogReencrypted(result.RowsMoved, result.KeyVersion);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-encrypted {RowsMoved} rows under data key version {KeyVersion}.")]
    private partial void LogReencrypted(int rowsMoved, string keyVersion);
}
