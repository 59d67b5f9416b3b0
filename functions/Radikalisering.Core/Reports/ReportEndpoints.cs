using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Radikalisering.Core.Access;
using Radikalisering.Core.Concerns;
using Radikalisering.Core.Http;
using Radikalisering.Core.Mail;
using Radikalisering.Core.Statistics;

namespace Radikalisering.Core.Reports;

/// <summary>
/// <c>GET /api/statistics/{year}</c> (Reports.Read), <c>POST /api/reports/{year}/compile</c> and
/// <c>POST /api/reports/{year}/send</c> (Reports.Admin). Every call is audited, refusals included; a send
/// exactly once, by <see cref="ReportSender"/>.
/// Only years that have ended can be compiled or sent, so an early report never blocks the real one, and
/// only years with concerns can be compiled (so sent): an empty year has nothing to publish. A year with
/// rows that cannot be read is refused, naming how many. Storage failures answer 503 (<see cref="ApiFailures"/>).
/// </summary>
public sealed class ReportEndpoints(
    AccessGuard guard,
    ReportSnapshotStore snapshots,
    AnnualStatisticsCompiler compiler,
    ReportSender sender,
    ConcernStore concerns,
    ApiFailures failures,
    TimeProvider timeProvider)
{
    private const string YearField = "year";
    private const string BadGatewayType = "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.3";

    public Task<IResult> GetStatisticsAsync(HttpContext context, int year, CancellationToken cancellationToken) =>
        failures.HandleAsync(context, () => GetStatisticsCoreAsync(context, year, cancellationToken));

    public Task<IResult> CompileAsync(HttpContext context, int year, CancellationToken cancellationToken) =>
        failures.HandleAsync(context, () => CompileCoreAsync(context, year, cancellationToken));

    public Task<IResult> SendAsync(HttpContext context, int year, CancellationToken cancellationToken) =>
        failures.HandleAsync(context, () => SendCoreAsync(context, year, cancellationToken));

    private async Task<IResult> GetStatisticsCoreAsync(HttpContext context, int year, CancellationToken cancellationToken)
    {
        var access = await guard.AuthorizeAsync(context, AppRoles.ReportsRead, ReportAuditActions.ReadStatistics, SubjectOf(year), cancellationToken)
            .ConfigureAwait(false);
        if (!access.IsGranted)
        {
            return access.Refusal;
        }

        var snapshot = ConcernFields.IsPlausibleYear(year) ? await snapshots.GetAsync(year, cancellationToken).ConfigureAwait(false) : null;
        if (snapshot is null)
        {
            return Problems.NotFound($"Der er endnu ingen opgørelse for {year}.");
        }

        await guard.RecordSuccessAsync(access.Principal, ReportAuditActions.ReadStatistics, SubjectOf(year), cancellationToken).ConfigureAwait(false);
        return Ok(snapshot);
    }

    private async Task<IResult> CompileCoreAsync(HttpContext context, int year, CancellationToken cancellationToken)
    {
        var access = await guard.AuthorizeAsync(context, AppRoles.ReportsAdmin, ReportAuditActions.CompileReport, SubjectOf(year), cancellationToken)
            .ConfigureAwait(false);
        if (!access.IsGranted)
        {
            return access.Refusal;
        }

        if (YearProblem(year) is { } problem)
        {
            return problem;
        }

        if (!await concerns.HasConcernsAsync(year, cancellationToken).ConfigureAwait(false))
        {
            return Problems.NotFound($"Der er ingen henvendelser fra {year}, så der er intet at opgøre.");
        }

        CompileResult result;
        try
        {
            result = await compiler.CompileAsync(year, cancellationToken).ConfigureAwait(false);
        }
        catch (UnreadableConcernsException exception)
        {
            return Problems.Conflict(
                $"{exception.RowCount} henvendelse(r) fra {year} kan ikke læses, så året er ikke opgjort. " +
                "Ret eller slet de beskadigede rækker først (runbook i SECURITY.md); listen over året viser dem under 'unreadable'.");
        }

        if (result.Outcome == CompileOutcome.AlreadySent)
        {
            return Problems.Conflict($"Rapporten for {year} er sendt eller ved at blive sendt. En sendt opgørelse opgøres ikke igen.");
        }

        await guard.RecordSuccessAsync(access.Principal, ReportAuditActions.CompileReport, SubjectOf(year), cancellationToken).ConfigureAwait(false);
        return Ok(result.Snapshot);
    }

    private async Task<IResult> SendCoreAsync(HttpContext context, int year, CancellationToken cancellationToken)
    {
        var access = await guard.AuthorizeAsync(context, AppRoles.ReportsAdmin, ReportAuditActions.SendReport, SubjectOf(year), cancellationToken)
            .ConfigureAwait(false);
        if (!access.IsGranted)
        {
            return access.Refusal;
        }

        if (YearProblem(year) is { } problem)
        {
            return problem;
        }

        SendOutcome outcome;
        try
        {
            outcome = await sender.SendAsync(year, ReportRequester.Operator, access.Principal.ObjectId, cancellationToken).ConfigureAwait(false);
        }
        catch (MailNotDeliveredException)
        {
            return TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status502BadGateway,
                Type = BadGatewayType,
                Title = "The mail service refused the report.",
                Detail = $"Rapporten for {year} blev ikke sendt, fordi mailtjenesten afviste den. Intet er sendt; prøv igen, når fejlen er rettet.",
            });
        }

        switch (outcome)
        {
            case SendOutcome.Sent:
                var sent = await snapshots.GetAsync(year, cancellationToken).ConfigureAwait(false);
                return Ok(sent!);
            case SendOutcome.NotCompiled:
                return Problems.NotFound($"Der er ingen opgørelse for {year}. Opgør året først (POST /api/reports/{year}/compile).");
            case SendOutcome.AlreadySent:
                return Problems.Conflict($"Rapporten for {year} er allerede sendt og sendes ikke igen.");
            default:
                return Problems.Conflict(
                    $"Rapporten for {year} er ved at blive sendt eller blev afbrudt under afsendelsen. " +
                    $"Er den ikke kommet frem, kan den sendes igen {ReportSender.StaleClaimAfter.TotalMinutes:0} minutter efter afsendelsen begyndte.");
        }
    }

    private ProblemHttpResult? YearProblem(int year)
    {
        var currentYear = timeProvider.GetUtcNow().Year;
        return ConcernFields.IsPlausibleYear(year) && year < currentYear
            ? null
            : Problems.InvalidField(
                YearField,
                $"Året skal være et afsluttet kalenderår fra {ConcernFields.EarliestReceivedOn.Year} til {currentYear - 1}.");
    }


    private static string SubjectOf(int year) => year.ToString("D4", CultureInfo.InvariantCulture);

    private static JsonResourceResult<StatisticsView> Ok(ReportSnapshot snapshot) =>
        new(StatusCodes.Status200OK, StatisticsView.Of(snapshot), EntityTags.ToHeader(snapshot.ETag));
}
