using System.Globalization;
using Microsoft.AspNetCore.Http;
using Radikalisering.Core.Access;
using Radikalisering.Core.Audit;
using Radikalisering.Core.Http;

namespace Radikalisering.Core.AuditTrail;

/// <summary>
/// <c>GET /api/audit-trail/verify?from=yyyy-MM-dd&amp;to=yyyy-MM-dd</c> (Reports.Admin): checks the
/// trail's hash chains for the days from <c>from</c> to <c>to</c> (UTC, at most
/// <see cref="MaximumDays"/> days) and reports the first broken link. Audited, refusals included.
/// </summary>
public sealed class AuditTrailEndpoints(ApiPipeline pipeline, AuditTrailVerifier verifier)
{
    public const int MaximumDays = 366;

    private const string FromField = "from";
    private const string ToField = "to";

    public Task<IResult> VerifyAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        var subject = $"{Cut(query[FromField])}..{Cut(query[ToField])}";
        return pipeline.RunAsync(context, new(AppRoles.ReportsAdmin, AuditActions.VerifyAuditTrail, subject), VerifyAsync, cancellationToken);
    }

    private async Task<IResult> VerifyAsync(ApiCall call)
    {
        var query = call.Request.Query;
        var errors = new Dictionary<string, string[]>();
        var from = ParseDay(query[FromField], FromField, errors);
        var to = ParseDay(query[ToField], ToField, errors);
        if (errors.Count == 0 && (to < from || to.DayNumber - from.DayNumber >= MaximumDays))
        {
            errors[ToField] = [$"'{ToField}' skal ligge fra '{FromField}' og højst {MaximumDays} dage efter."];
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        return TypedResults.Ok(await verifier.VerifyAsync(from, to, call.CancellationToken));
    }

    /// <summary>The audit log names the period as asked for, but never more of a value than a date's length.</summary>
    private static string Cut(string? value) => value is { Length: > 10 } ? value[..10] : value ?? "";

    private static DateOnly ParseDay(string? value, string field, Dictionary<string, string[]> errors)
    {
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        errors[field] = [$"'{field}' skal være en dato som åååå-mm-dd."];
        return default;
    }
}
