using System.Text.Json.Serialization;

namespace Radikalisering.Core.Concerns;

/// <summary>A concern as the API returns it.</summary>
/// <param name="Id">The row's random id.</param>
/// <param name="Year">The year received: the partition, and part of the URL.</param>
/// <param name="Reference">The staff-friendly per-year number, e.g. <c>2026-0014</c>.</param>
/// <param name="OutcomeOn">The day the outcome was set to confirmed or dismissed; null while pending.</param>
/// <param name="ETag">
/// The same entity tag as the <c>ETag</c> header, to send back as <c>If-Match</c>: in the body too, because
/// a Power Apps form reads a custom connector's response body but not its headers.
/// </param>
public sealed record ConcernView(
    Guid Id,
    int Year,
    string Reference,
    DateOnly ReceivedOn,
    bool SubjectUnder18,
    ReporterKind Reporter,
    Outcome Outcome,
    DateOnly? OutcomeOn,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    [property: JsonPropertyName("etag")] string ETag);
