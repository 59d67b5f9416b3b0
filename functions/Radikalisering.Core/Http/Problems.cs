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
