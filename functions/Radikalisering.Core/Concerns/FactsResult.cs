using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http;

namespace Radikalisering.Core.Concerns;

/// <summary>Either valid facts or the problem that explains why not.</summary>
public sealed class FactsResult
{
    private FactsResult(ConcernFacts? facts, IResult? problem)
    {
        Facts = facts;
        Problem = problem;
    }

    public ConcernFacts? Facts { get; }

    public IResult? Problem { get; }

    [MemberNotNullWhen(true, nameof(Facts))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool IsValid => Facts is not null;

    internal static FactsResult Valid(ConcernFacts facts) => new(facts, null);

    internal static FactsResult Invalid(IResult problem) => new(null, problem);
}
