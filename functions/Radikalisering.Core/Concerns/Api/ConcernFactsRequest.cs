namespace Radikalisering.Core.Concerns;

/// <summary>
/// The facts as a request states them: the body of <c>POST /api/concerns</c> (<c>receivedOn</c>,
/// <c>subjectUnder18</c> and <c>reporter</c> required, <c>outcome</c> pending when absent) and of
/// <c>PATCH /api/concerns/{year}/{id}</c>, a JSON merge patch (RFC 7396) where an absent property stays as
/// it is. Every property is nullable so a missing one is reported by name.
/// </summary>
public sealed class ConcernFactsRequest
{
    /// <summary>The date the concern was received (<c>yyyy-MM-dd</c>).</summary>
    public DateOnly? ReceivedOn { get; init; }

    /// <summary>Whether the concern is about a person under eighteen.</summary>
    public bool? SubjectUnder18 { get; init; }

    /// <summary>Who raised the concern.</summary>
    public ReporterKind? Reporter { get; init; }

    /// <summary>The §115 outcome, if known.</summary>
    public Outcome? Outcome { get; init; }
}
