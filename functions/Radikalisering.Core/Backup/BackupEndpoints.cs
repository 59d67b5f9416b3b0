using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Radikalisering.Core.Access;
using Radikalisering.Core.Http;

namespace Radikalisering.Core.Backup;

/// <summary>
/// <c>GET /api/backups</c> (the complete runs, newest first) and <c>POST /api/backups/{run}/restore</c>
/// (into empty tables), both Reports.Admin and audited. infra/scripts/restore-backup.sh calls them.
/// </summary>
public sealed partial class BackupEndpoints(AccessGuard guard, BackupRestorer restorer)
{
    public const string ListRoute = "backups";
    public const string RestoreRoute = "backups/{run}/restore";
    public const string ListAction = "backup.list";
    public const string RestoreAction = "backup.restore";

    public async Task<IResult> ListAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var access = await guard.AuthorizeAsync(context, AppRoles.ReportsAdmin, ListAction, null, cancellationToken).ConfigureAwait(false);
        if (!access.IsGranted)
        {
            return access.Refusal;
        }

        var runs = await restorer.ListRunsAsync(cancellationToken).ConfigureAwait(false);
        await guard.RecordSuccessAsync(access.Principal, ListAction, null, cancellationToken).ConfigureAwait(false);
        return new JsonResourceResult<IReadOnlyList<string>>(StatusCodes.Status200OK, runs);
    }

    /// <summary>A run folder's name as <see cref="BackupExporter"/> makes it.</summary>
    [GeneratedRegex("^[0-9]{8}T[0-9]{6}Z-[0-9a-f]{8}$")]
    private static partial Regex RunName();

    public async Task<IResult> RestoreAsync(HttpContext context, string run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var isRunName = RunName().IsMatch(run);
        var subject = isRunName ? run : "invalid";
        var access = await guard.AuthorizeAsync(context, AppRoles.ReportsAdmin, RestoreAction, subject, cancellationToken).ConfigureAwait(false);
        if (!access.IsGranted)
        {
            return access.Refusal;
        }

        if (!isRunName)
        {
            return Problems.InvalidField("run", "Kørslen skal angives som i GET /api/backups, fx 20270112T020000Z-1a2b3c4d.");
        }

        var result = await restorer.RestoreAsync(run, cancellationToken).ConfigureAwait(false);
        switch (result.Outcome)
        {
            case RestoreOutcome.NotFound:
                return Problems.NotFound($"Der er ingen fuldført sikkerhedskopi '{run}'. Se GET /api/backups.");
            case RestoreOutcome.Damaged:
                return Problems.Unprocessable($"Sikkerhedskopien '{run}' er beskadiget ({string.Join(", ", result.Problems)}); intet er gendannet. Vælg en anden kørsel.");
            case RestoreOutcome.TablesNotEmpty:
                return Problems.Conflict($"Tabellerne {string.Join(", ", result.Problems)} er ikke tomme; intet er gendannet. Der gendannes kun til tomme tabeller.");
            default:
                await guard.RecordSuccessAsync(access.Principal, RestoreAction, run, cancellationToken).ConfigureAwait(false);
                return new JsonResourceResult<RestoreResult>(StatusCodes.Status200OK, result);
        }
    }
}
