namespace Radikalisering.Core.Concerns;

/// <summary>
/// The body of <c>POST /api/concerns</c>: the guideline's facts and nothing else. Every property is
/// nullable so a missing one is reported by name; <c>outcome</c> is optional (default pending).
/// </summary>
public sealed class CreateConcernRequest
{
    /// <summary>The date the concern was received (<c>yyyy-MM-dd</c>). Required.</summary>
    public DateOnly? ReceivedOn { get; init; }

    /// <summary>Whether the concern is about a person under eighteen. Required.</summary>
    public bool? SubjectUnder18 { get; init; }

    /// <summary>Who raised the concern. Required.</summary>
    public Reporter? Reporter { get; init; }

    /// <summary>The §115 outcome, if already known. Optional: <see cref="Outcome.Pending"/> when absent.</summary>
    public Outcome? Outcome { get; init; }
}
