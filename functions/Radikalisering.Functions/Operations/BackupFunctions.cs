using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Radikalisering.Core.Backup;
using Radikalisering.Core.Http;

namespace Radikalisering.Functions.Operations;

/// <summary>The daily backup run, and listing and restoring runs (Reports.Admin; see <see cref="BackupEndpoints"/>).</summary>
public sealed class BackupFunctions(BackupExporter exporter, BackupEndpoints endpoints)
{
    [Function("ExportBackup")]
    public Task ExportAsync([TimerTrigger(BackupExporter.Schedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        exporter.ExportAsync(cancellationToken);

    [Function("ListBackups")]
    public Task<IActionResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Backups)] HttpRequest request,
        CancellationToken cancellationToken) =>
        endpoints.ListAsync(request.HttpContext, cancellationToken).AsActionResult();

    [Function("RestoreBackup")]
    public Task<IActionResult> RestoreAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.RestoreBackup)] HttpRequest request,
        string run,
        CancellationToken cancellationToken) =>
        endpoints.RestoreAsync(request.HttpContext, run, cancellationToken).AsActionResult();
}
