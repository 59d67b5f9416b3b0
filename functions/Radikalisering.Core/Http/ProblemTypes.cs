namespace Radikalisering.Core.Http;

/// <summary>The <c>type</c> URIs of the API's RFC 9457 problems: the RFC 9110 section of each status.</summary>
public static class ProblemTypes
{
    public const string BadRequest = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.1";
    public const string Unauthorized = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.2";
    public const string Forbidden = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.4";
    public const string NotFound = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5";
    public const string MethodNotAllowed = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.6";
    public const string Conflict = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.10";
    public const string PreconditionFailed = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.13";
    public const string ContentTooLarge = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.14";
    public const string UnsupportedMediaType = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.16";
    public const string UnprocessableContent = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.21";
    public const string InternalServerError = "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.1";
    public const string ServiceUnavailable = "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4";
    public const string PreconditionRequired = "https://www.rfc-editor.org/rfc/rfc6585#section-3";
}
