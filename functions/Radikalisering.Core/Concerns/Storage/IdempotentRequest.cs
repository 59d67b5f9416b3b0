namespace Radikalisering.Core.Concerns;

/// <summary>What an idempotency marker remembers of the request it answered (encrypted, like the concern).</summary>
internal sealed record IdempotentRequest(DateOnly ReceivedOn, bool SubjectUnder18, ReporterKind Reporter, Outcome Outcome)
{
    public static IdempotentRequest Of(ConcernFacts facts) =>
        new(facts.ReceivedOn, facts.SubjectUnder18, facts.Reporter, facts.Outcome);
}
