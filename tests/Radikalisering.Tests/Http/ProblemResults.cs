using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Radikalisering.Tests.Http;

/// <summary>Reads the status and the <c>errors</c> member of a problem result, whichever TypedResults type carries it.</summary>
internal static class ProblemResults
{
    public static int? Status(IResult? problem) => Assert.IsAssignableFrom<IStatusCodeHttpResult>(problem).StatusCode;

    public static IDictionary<string, string[]> Errors(IResult? problem) => problem switch
    {
        ValidationProblem validation => validation.ProblemDetails.Errors,
        ProblemHttpResult other => Assert.IsType<Dictionary<string, string[]>>(other.ProblemDetails.Extensions["errors"]),
        _ => throw new Xunit.Sdk.XunitException($"Not a problem: {problem}"),
    };
}
