using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Radikalisering.Core.Http;

/// <summary>
/// RFC 9457 problem responses (<c>application/problem+json</c>): an English <c>title</c>, a Danish
/// <c>detail</c> for staff, and for input errors an <c>errors</c> member naming each field.
/// </summary>
public static class Problems
{
    public const string ErrorsMember = "errors";

    /// <summary>400: the request's fields are wrong; <paramref name="errors"/> maps field name → Danish messages.</summary>
    public static ProblemHttpResult Validation(IReadOnlyDictionary<string, string[]> errors, string? detail = null) =>
        Create(
            StatusCodes.Status400BadRequest,
            ProblemTypes.BadRequest,
            "The request is invalid.",
            detail ?? "Anmodningen indeholder fejl. Se de enkelte felter.",
            errors);

    /// <summary>400 for a single field.</summary>
    public static ProblemHttpResult InvalidField(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] }, message);

    public static ProblemHttpResult Unauthorized() =>
        Create(
            StatusCodes.Status401Unauthorized,
            ProblemTypes.Unauthorized,
            "Authentication is required.",
            "Du er ikke logget ind. Log ind med din arbejdskonto og prøv igen.");

    public static ProblemHttpResult Forbidden(string requiredRole) =>
        Create(
            StatusCodes.Status403Forbidden,
            ProblemTypes.Forbidden,
            "The caller lacks the required app role.",
            $"Du har ikke adgang til denne funktion. Den kræver rollen '{requiredRole}'.");

    public static ProblemHttpResult NotFound(string detail) =>
        Create(StatusCodes.Status404NotFound, ProblemTypes.NotFound, "The resource was not found.", detail);

    public static ProblemHttpResult MethodNotAllowed(string method, IReadOnlyCollection<string> allowed) =>
        Create(
            StatusCodes.Status405MethodNotAllowed,
            ProblemTypes.MethodNotAllowed,
            "The method is not allowed for this resource.",
            $"Adressen kan ikke kaldes med {method}. Tilladt: {string.Join(", ", allowed)}.");

    public static ProblemHttpResult Conflict(string detail) =>
        Create(StatusCodes.Status409Conflict, ProblemTypes.Conflict, "The request conflicts with the resource's state.", detail);

    public static ProblemHttpResult PreconditionRequired(string header, string detail) =>
        Create(
            StatusCodes.Status428PreconditionRequired,
            ProblemTypes.PreconditionRequired,
            "A precondition header is required.",
            detail,
            new Dictionary<string, string[]> { [header] = [detail] });

    public static ProblemHttpResult PreconditionFailed() =>
        Create(
            StatusCodes.Status412PreconditionFailed,
            ProblemTypes.PreconditionFailed,
            "The resource has changed.",
            "Henvendelsen er blevet ændret af en anden, siden du hentede den. Hent den igen og gentag din ændring.",
            new Dictionary<string, string[]> { [HttpHeaderNames.IfMatch] = ["ETag'en er forældet."] });

    public static ProblemHttpResult ContentTooLarge(int maximumBytes) =>
        Create(
            StatusCodes.Status413PayloadTooLarge,
            ProblemTypes.ContentTooLarge,
            "The request body is too large.",
            $"Anmodningens indhold er for stort. Højst {maximumBytes} bytes er tilladt.");

    public static ProblemHttpResult UnsupportedMediaType(IReadOnlyCollection<string> accepted) =>
        Create(
            StatusCodes.Status415UnsupportedMediaType,
            ProblemTypes.UnsupportedMediaType,
            "The request's content type is not supported.",
            $"Indholdet skal sendes som {string.Join(" eller ", accepted)}.",
            new Dictionary<string, string[]> { [HttpHeaderNames.ContentType] = [$"Forventet: {string.Join(", ", accepted)}."] });

    /// <summary>422: well-formed, but not something the resource can accept.</summary>
    public static ProblemHttpResult Unprocessable(string detail, IReadOnlyDictionary<string, string[]>? errors = null) =>
        Create(
            StatusCodes.Status422UnprocessableEntity,
            ProblemTypes.UnprocessableContent,
            "The request cannot be processed.",
            detail,
            errors);

    /// <summary>409 for a concern whose stored row cannot be read; carries its ETag so an operator can delete it (SECURITY.md).</summary>
    public static ProblemHttpResult Unreadable(string id, string reference, string etag)
    {
        var problem = Create(
            StatusCodes.Status409Conflict,
            ProblemTypes.Conflict,
            "The stored concern cannot be read.",
            $"Henvendelsen {reference} kan ikke læses, fordi den gemte række er beskadiget. Kontakt IT-driften (runbook i SECURITY.md).");
        problem.ProblemDetails.Extensions[UnreadableIdMember] = id;
        problem.ProblemDetails.Extensions[EntityTagMember] = etag;
        return problem;
    }

    /// <summary>503 with <c>Retry-After</c>: storage or Key Vault did not answer within the retry budget.</summary>
    public static HeaderedResult ServiceUnavailable(TimeSpan retryAfter) =>
        new(
            Create(
                StatusCodes.Status503ServiceUnavailable,
                ProblemTypes.ServiceUnavailable,
                "The service is temporarily unavailable.",
                $"Tjenesten kan ikke nå sit lager lige nu. Prøv igen om {retryAfter.TotalSeconds:0} sekunder."),
            "Retry-After",
            ((int)retryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>500 that says nothing but a correlation id to quote to IT operations.</summary>
    public static ProblemHttpResult InternalError(string correlationId)
    {
        var problem = Create(
            StatusCodes.Status500InternalServerError,
            ProblemTypes.InternalServerError,
            "An unexpected error occurred.",
            $"Der opstod en uventet fejl. Oplys fejl-id {correlationId} til IT-driften.");
        problem.ProblemDetails.Extensions[CorrelationIdMember] = correlationId;
        return problem;
    }

    public const string CorrelationIdMember = "correlationId";
    public const string UnreadableIdMember = "id";
    public const string EntityTagMember = "etag";

    private static ProblemHttpResult Create(
        int status,
        string type,
        string title,
        string detail,
        IReadOnlyDictionary<string, string[]>? errors = null)
    {
        var problem = new ProblemDetails { Status = status, Type = type, Title = title, Detail = detail };
        if (errors is not null)
        {
            problem.Extensions[ErrorsMember] = errors;
        }

        return TypedResults.Problem(problem);
    }
}
