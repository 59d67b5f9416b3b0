using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Radikalisering.Core.Access;
using Radikalisering.Core.Concerns;
using Radikalisering.Core.Http;
using Radikalisering.Core.Mail;
using Radikalisering.Core.Statistics;
using Radikalisering.Core.Audit;
using Radikalisering.Disclosure;

namespace Radikalisering.Core.Reports;

/// <summary>
/// <c>GET /api/statistics/{year}</c> (Reports.Read), <c>POST /api/reports/{year}/compile</c> and
/// <c>POST /api/reports/{year}/send</c> (Reports.Admin). Every call is audited, refusals included; a send
/// exactly once, by <see cref="ReportSender"/>.
/// Only years that have ended can be compiled or sent, so an early report never blocks the real one, and
/// only years with concerns can be compiled (so sent): an empty year has nothing to publish. A year with
/// rows that cannot be read is refused, naming how many, and so is a year the publication ladder cannot take. Access, audit and failures: <see cref="ApiPipeline"/>.
/// </summary>
public sealed class ReportEndpoints(
    ApiPipeline pipeline,
    ReportSnapshotStore snapshots,
    AnnualStatisticsCompiler compiler,
    ReportSender sender,
    ConcernReader concerns,
    TimeProvider timeProvider)
{
    private const string YearField = "year";

    public Task<IResult> GetStatisticsAsync(HttpContext context, int year, CancellationToken cancellationToken) =>
        pipeline.RunAsync(context, new(AppRoles.ReportsRead, AuditActions.ReadStatistics, SubjectOf(year)), call => GetStatisticsAsync(call, year), cancellationToken);

    public Task<IResult> CompileAsync(HttpContext context, int year, CancellationToken cancellationToken) =>
        pipeline.RunAsync(context, new(AppRoles.ReportsAdmin, AuditActions.CompileReport, SubjectOf(year)), call => CompileAsync(call, year), cancellationToken);

    public Task<IResult> SendAsync(HttpContext context, int year, CancellationToken cancellationToken) =>
        pipeline.RunAsync(context, new(AppRoles.ReportsAdmin, AuditActions.SendReport, SubjectOf(year)), call => SendAsync(call, year), cancellationToken);

    private async Task<IResult> GetStatisticsAsync(ApiCall call, int year)
    {
        var cancellationToken = call.CancellationToken;
        var snapshot = ConcernFields.IsPlausibleYear(year) ? await snapshots.GetAsync(year, cancellationToken) : null;
        if (snapshot is null)
        {
            return Problems.NotFound($"Der er endnu ingen opgørelse for {year}.");
        }

        return Ok(snapshot);
    }

    private async Task<IResult> CompileAsync(ApiCall call, int year)
    {
        var cancellationToken = call.CancellationToken;
        if (YearProblem(year) is { } problem)
        {
            return problem;
        }

        if (!await concerns.HasConcernsAsync(year, cancellationToken))
        {
            return Problems.NotFound($"Der er ingen henvendelser fra {year}, så der er intet at opgøre.");
        }

        CompileResult result;
        try
        {
            result = await compiler.CompileAsync(year, cancellationToken);
        }
        catch (UnreadableConcernException exception)
        {
            return Problems.Conflict(
                $"{exception.RowCount} henvendelse(r) fra {year} kan ikke læses, så året er ikke opgjort. " +
                "Ret eller slet de beskadigede rækker først (runbook i SECURITY.md); listen over året viser dem under 'unreadable'.");
        }
        catch (LadderRefusedException refusal)
        {
            return Refused(year, refusal.Reason);
        }

        if (result.Outcome == CompileOutcome.AlreadySent)
        {
            return Problems.Conflict($"Rapporten for {year} er sendt eller ved at blive sendt. En sendt opgørelse opgøres ikke igen.");
        }

        return Ok(result.Snapshot);
    }

    private async Task<IResult> SendAsync(ApiCall call, int year)
    {
        var cancellationToken = call.CancellationToken;
        if (YearProblem(year) is { } problem)
        {
            return problem;
        }

        SendResult result;
        try
        {
            result = await sender.SendAsync(year, ReportRequester.Operator, call.Caller.ObjectId, cancellationToken);
        }
        catch (MailNotDeliveredException)
        {
            return TypedResults.Problem(
                $"Rapporten for {year} blev ikke sendt, fordi mailtjenesten afviste den. Intet er sendt; prøv igen, når fejlen er rettet.",
                statusCode: StatusCodes.Status502BadGateway,
                title: "The mail service refused the report.");
        }

        switch (result)
        {
            case { Outcome: SendOutcome.Sent, Sent: { } sent }:
                call.AuditedByTheWork();
                return Ok(sent);
            case { Outcome: SendOutcome.NotCompiled }:
                return Problems.NotFound($"Der er ingen opgørelse for {year}. Opgør året først (POST /api/reports/{year}/compile).");
            case { Outcome: SendOutcome.AlreadySent }:
                return Problems.Conflict($"Rapporten for {year} er allerede sendt og sendes ikke igen.");
            default:
                return Problems.Conflict(
                    $"Rapporten for {year} er ved at blive sendt eller blev afbrudt under afsendelsen. " +
                    $"Er den ikke kommet frem, kan den sendes igen {ReportSender.StaleClaimAfter.TotalMinutes:0} minutter efter afsendelsen begyndte.");
        }
    }

    /// <summary>
    /// The ladder cannot publish the year: a snapshot from the former engine cannot be republished safely (it stays as
    /// it is), and tables configured outside the ladder are not published at all. Nothing is written either way.
    /// </summary>
    private static ProblemHttpResult Refused(int year, LadderRefusal reason) => reason == LadderRefusal.PreviousPublicationNotFromLadder
        ? Problems.Conflict(
            $"Den gemte opgørelse for {year} er lavet med den tidligere metode, og publiceringsstigen kan ikke genberegne den uden at risikere at afsløre et skjult tal. " +
            "Den gemte opgørelse er uændret og kan sendes, som den er.")
        : Problems.Unprocessable(
            $"{year} kan ikke opgøres, fordi de konfigurerede tabeller (Disclosure:Tables) ikke kan offentliggøres med publiceringsstigen: " +
            "der skal være en total og højst de tabeller, stigen kan rumme. Intet er gemt.");

    private ValidationProblem? YearProblem(int year)
    {
        var currentYear = timeProvider.GetUtcNow().Year;
        return ConcernFields.IsPlausibleYear(year) && year < currentYear
            ? null
            : Problems.InvalidField(
                YearField,
                $"Året skal være et afsluttet kalenderår fra {ConcernFields.EarliestReceivedOn.Year} til {currentYear - 1}.");
    }

    private static string SubjectOf(int year) => year.ToString("D4", CultureInfo.InvariantCulture);

    private static IResult Ok(ReportSnapshot snapshot) =>
        ApiPipeline.WithETag(TypedResults.Ok(StatisticsView.Of(snapshot)), EntityTags.ToHeader(snapshot.ETag));
}
