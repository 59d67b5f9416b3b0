using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Radikalisering.Core.Http;

/// <summary>
/// Answers what no route took: 405 with <c>Allow</c> when a route matches the path but not the method,
/// else 404, both as RFC 9457 problems (the Functions host's own answer is an empty 404). No principal is
/// checked and nothing is audited: Easy Auth refuses an unauthenticated caller on every path but
/// <c>/api/health</c> before the app sees it, the answer touches no data, and it says no more than the
/// published route table (README, the connector definition) does.
/// </summary>
public sealed class UnmatchedRequestEndpoint(HttpRouteTable routes)
{
    public IResult Answer(HttpRequest request)
    {
        var allowed = routes.MethodsFor(request.Path);
        return allowed.Count == 0 || allowed.Contains(request.Method, StringComparer.OrdinalIgnoreCase)
            ? Problems.NotFound("Adressen findes ikke i API'et. Se README for de gyldige adresser.")
            : new HeaderedResult(Problems.MethodNotAllowed(request.Method, allowed), HeaderNames.Allow, string.Join(", ", allowed));
    }
}
