using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Radikalisering.Core.Access;
using Radikalisering.Core.Audit;
using Radikalisering.Core.Http;

namespace Radikalisering.Core.Backup;

/// <summary>
/// <c>GET /api/backups</c> (the complete runs, newest first) and <c>POST /api/backups/{run}/restore</c>
/// (into empty tables), both Reports.Admin and audited. infra/scripts/restore-backup.sh calls them.
/// </summary>
public sealed partial class BackupEndpoints(ApiPipeline pipeline, BackupRestorer restorer)
{
    public Task<IResult> ListAsync(HttpContext context, CancellationToken cancellationToken) =>
        pipeline.RunAsync(
            context,
            new(AppRoles.ReportsAdmin, AuditActions.ListBackups),
            async call => TypedResults.Ok(await restorer.ListRunsAsync(call.CancellationToken)),
            cancellationToken);

    /// <summary>A run folder's name as <see cref="BackupExporter"/> makes it.</summary>
    [GeneratedRegex("^[0-9]{8}T[0-9]{6}Z-[0-9a-f]{8}$")]
    private static partial Regex RunName();

    public Task<IResult> RestoreAsync(HttpContext context, string run, CancellationToken cancellationToken)
    {
        var isRunName = RunName().IsMatch(run);
        return pipeline.RunAsync(
            context,
            new(AppRoles.ReportsAdmin, AuditActions.RestoreBackup, isRunName ? run : "invalid"),
            call => RestoreAsync(call, run, isRunName),
            cancellationToken);
    }

    private async Task<IResult> RestoreAsync(ApiCall call, string run, bool isRunName)
    {
        if (!isRunName)
        {
            return Problems.InvalidField("run", "Kørslen skal angives som i GET /api/backups, fx 20270112T020000Z-1a2b3c4d.");
        }

        var result = await restorer.RestoreAsync(run, call.CancellationToken);
        switch (result.Outcome)
        {
            case RestoreOutcome.NotFound:
                return Problems.NotFound($"Der er ingen fuldført sikkerhedskopi '{run}'. Se GET /api/backups.");
            case RestoreOutcome.Damaged:
                return Problems.Unprocessable($"Sikkerhedskopien '{run}' er beskadiget ({string.Join(", ", result.Problems)}); intet er gendannet. Vælg en anden kørsel.");
            case RestoreOutcome.TablesNotEmpty:
                return Problems.Conflict($"Tabellerne {string.Join(", ", result.Problems)} er ikke tomme; intet er gendannet. Der gendannes kun til tomme tabeller.");
            default:
                return TypedResults.Ok(result);
        }
    }
}
