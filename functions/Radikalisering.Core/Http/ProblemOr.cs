using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Radikalisering.Core.Http;

/// <summary>
/// A value, or the RFC 9457 problem that refuses the request: what every step of a handler that can
/// refuse returns (access, headers, body, validation), so each is checked the same way.
/// </summary>
public readonly struct ProblemOr<T>
{
    private readonly T? _value;

    private ProblemOr(T? value, IResult? problem)
    {
        _value = value;
        Problem = problem;
    }

    public IResult? Problem { get; }

    [MemberNotNullWhen(true, nameof(Problem))]
    public bool IsProblem => Problem is not null;

    /// <exception cref="InvalidOperationException">This is a problem.</exception>
    public T Value => IsProblem ? throw new InvalidOperationException("A problem has no value.") : _value!;

    public static implicit operator ProblemOr<T>(T value) => new(value, null);

    /// <summary>Passes on another step's problem.</summary>
    internal static ProblemOr<T> From(IResult problem) => new(default, problem ?? throw new ArgumentNullException(nameof(problem)));

    public static implicit operator ProblemOr<T>(ProblemHttpResult problem) => new(default, problem ?? throw new ArgumentNullException(nameof(problem)));

    public static implicit operator ProblemOr<T>(ValidationProblem problem) => new(default, problem ?? throw new ArgumentNullException(nameof(problem)));
}
