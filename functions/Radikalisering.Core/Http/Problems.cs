using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Radikalisering.Core.Localization;

namespace Radikalisering.Core.Http;

/// <summary>
/// The API's RFC 9457 problems (<c>application/problem+json</c>), built on <see cref="TypedResults"/>: an
/// English <c>title</c>, a Danish <c>detail</c> for staff, for input errors an <c>errors</c> member naming
/// each field. The <c>type</c> is the framework's RFC 9110 link for the status (AddProblemDetails), except
/// for 413 and 428, which the framework has none for, and a body that is not JSON (RFC 8259's link).
/// </summary>
public static class Problems
{
    public const string ErrorsMember = "errors";

    /// <summary>400: the request's fields are wrong; <paramref name="errors"/> maps field name → Danish messages.</summary>
    public static ValidationProblem Validation(IReadOnlyDictionary<string, string[]> errors, string? detail = null) =>
        TypedResults.ValidationProblem(
            errors,
            detail ?? DanishTexts.Problem("invalid"),
            title: "The request is invalid.");

    /// <summary>400 for a single field.</summary>
    public static ValidationProblem InvalidField(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] }, message);

    public static ProblemHttpResult Unauthorized() =>
        Create(
            StatusCodes.Status401Unauthorized,
            "Authentication is required.",
            DanishTexts.Problem("unauthorized"));

    public static ProblemHttpResult Forbidden(string requiredRole) =>
        Create(
            StatusCodes.Status403Forbidden,
            "The caller lacks the required app role.",
            DanishTexts.Problem("forbidden", requiredRole));

    public static ProblemHttpResult NotFound(string detail) =>
        Create(StatusCodes.Status404NotFound, "The resource was not found.", detail);

    public static ProblemHttpResult MethodNotAllowed(string method, IReadOnlyCollection<string> allowed) =>
        Create(
            StatusCodes.Status405MethodNotAllowed,
            "The method is not allowed for this resource.",
            $"Adressen kan ikke kaldes med {method}. Tilladt: {string.Join(", ", allowed)}.");

    public static ProblemHttpResult Conflict(string detail) =>
        Create(StatusCodes.Status409Conflict, "The request conflicts with the resource's state.", detail);

    public static ProblemHttpResult PreconditionRequired(string header, string detail) =>
        Create(
            StatusCodes.Status428PreconditionRequired,
            "A precondition header is required.",
            detail,
            new Dictionary<string, string[]> { [header] = [detail] },
            PreconditionRequiredType);

    public static ProblemHttpResult PreconditionFailed() =>
        Create(
            StatusCodes.Status412PreconditionFailed,
            "The resource has changed.",
            DanishTexts.Problem("preconditionFailed"),
            new Dictionary<string, string[]> { [HeaderNames.IfMatch] = ["ETag'en er forældet."] });

    public static ProblemHttpResult ContentTooLarge(int maximumBytes) =>
        Create(
            StatusCodes.Status413PayloadTooLarge,
            "The request body is too large.",
            $"Anmodningens indhold er for stort. Højst {maximumBytes} bytes er tilladt.",
            type: ContentTooLargeType);

    public static ProblemHttpResult UnsupportedMediaType(IReadOnlyCollection<string> accepted) =>
        Create(
            StatusCodes.Status415UnsupportedMediaType,
            "The request's content type is not supported.",
            $"Indholdet skal sendes som {string.Join(" eller ", accepted)}.",
            new Dictionary<string, string[]> { [HeaderNames.ContentType] = [$"Forventet: {string.Join(", ", accepted)}."] });

    /// <summary>415 for a body declared in another character set than UTF-8, the only one JSON allows between systems (RFC 8259).</summary>
    public static ProblemHttpResult UnsupportedCharset(string charset) =>
        Create(
            StatusCodes.Status415UnsupportedMediaType,
            "The request's character set is not supported.",
            $"Indholdet skal være kodet som UTF-8 (charset=utf-8), ikke {charset}.",
            new Dictionary<string, string[]> { [HeaderNames.ContentType] = ["Forventet: charset=utf-8 eller ingen charset."] });

    /// <summary>400 for a body that is not JSON text at all (malformed, cut off, or not UTF-8): no field is to blame.</summary>
    public static ProblemHttpResult NotValidJson() =>
        Create(
            StatusCodes.Status400BadRequest,
            "The request body is not valid JSON.",
            NotValidJsonDetail,
            new Dictionary<string, string[]> { [BodyMember] = [NotValidJsonDetail] },
            NotValidJsonType);

    /// <summary>422: well-formed, but not something the resource can accept.</summary>
    public static ProblemHttpResult Unprocessable(string detail, IReadOnlyDictionary<string, string[]>? errors = null) =>
        Create(
            StatusCodes.Status422UnprocessableEntity,
            "The request cannot be processed.",
            detail,
            errors);

    /// <summary>409 for a concern whose stored row cannot be read; carries its ETag so an operator can delete it (SECURITY.md).</summary>
    public static ProblemHttpResult Unreadable(string id, string reference, string etag)
    {
        var problem = Create(
            StatusCodes.Status409Conflict,
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
                "The service is temporarily unavailable.",
                DanishTexts.Problem("serviceUnavailable", retryAfter.TotalSeconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture))),
            HeaderNames.RetryAfter,
            ((int)retryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>500 that says nothing but a correlation id to quote to IT operations.</summary>
    public static ProblemHttpResult InternalError(string correlationId)
    {
        var problem = Create(
            StatusCodes.Status500InternalServerError,
            "An unexpected error occurred.",
            DanishTexts.Problem("internalError", correlationId));
        problem.ProblemDetails.Extensions[CorrelationIdMember] = correlationId;
        return problem;
    }

    private const string ContentTooLargeType = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.14";
    private const string PreconditionRequiredType = "https://www.rfc-editor.org/rfc/rfc6585#section-3";

    /// <summary>The type of <see cref="NotValidJson"/>: RFC 8259, what JSON text is.</summary>
    public const string NotValidJsonType = "https://www.rfc-editor.org/rfc/rfc8259";

    private const string NotValidJsonDetail = "Indholdet er ikke gyldig JSON i UTF-8, fx fordi det er afkortet. Send hele JSON-objektet igen.";

    /// <summary>The <c>errors</c> key of a problem with the body as a whole rather than one field.</summary>
    public const string BodyMember = "body";

    public const string CorrelationIdMember = "correlationId";
    public const string UnreadableIdMember = "id";
    public const string EntityTagMember = "etag";

    private static ProblemHttpResult Create(
        int status,
        string title,
        string detail,
        IReadOnlyDictionary<string, string[]>? errors = null,
        string? type = null)
    {
        var problem = new ProblemDetails { Status = status, Type = type, Title = title, Detail = detail };
        if (errors is not null)
        {
            problem.Extensions[ErrorsMember] = errors;
        }

        return TypedResults.Problem(problem);
    }
}
