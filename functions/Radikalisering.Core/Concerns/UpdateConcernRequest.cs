namespace Radikalisering.Core.Concerns;

/// <summary>
/// The body of <c>PATCH /api/concerns/{year}/{id}</c>, a JSON merge patch (RFC 7396) of the facts:
/// an absent property stays as it is. No fact can be removed, so <c>null</c> is refused.
/// </summary>
public sealed class UpdateConcernRequest
{
    public DateOnly? ReceivedOn { get; init; }

    public bool? SubjectUnder18 { get; init; }

    public Reporter? Reporter { get; init; }

    public Outcome? Outcome { get; init; }
}
