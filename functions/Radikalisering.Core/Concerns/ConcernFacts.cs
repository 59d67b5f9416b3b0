namespace Radikalisering.Core.Concerns;

/// <summary>
/// Everything the system knows about one concern: the four facts the guideline asks for and
/// the date the outcome was settled. This is the plaintext that is encrypted into a row's payload.
/// </summary>
public sealed record ConcernFacts(
    DateOnly ReceivedOn,
    bool SubjectUnder18,
    ReporterKind Reporter,
    Outcome Outcome,
    DateOnly? OutcomeOn);
