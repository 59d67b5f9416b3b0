using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.Options;

namespace Radikalisering.Core.Http;

/// <summary>One HTTP function's route (with its constraints, without the <c>api</c> prefix) and methods.</summary>
public sealed record HttpRoute(string Template, IReadOnlyCollection<string> Methods);

/// <summary>
/// The app's HTTP routes as the host serves them, constraints included: tells a path no route matches
/// from a known path called with a method it does not take (<see cref="UnmatchedRequestEndpoint"/>).
/// </summary>
public sealed class HttpRouteTable
{
    private readonly List<(TemplateMatcher Matcher, (string Key, IRouteConstraint Constraint)[] Constraints, IReadOnlyCollection<string> Methods)> _routes;

    public HttpRouteTable(IEnumerable<HttpRoute> routes)
    {
        var resolver = new DefaultInlineConstraintResolver(Options.Create(new RouteOptions()), EmptyServices.Instance);
        _routes = routes.Select(route =>
        {
            var template = TemplateParser.Parse($"{Routes.Prefix}/{route.Template}");
            var constraints = template.Parameters
                .SelectMany(parameter => parameter.InlineConstraints.Select(inline => (
                    parameter.Name!,
                    resolver.ResolveConstraint(inline.Constraint)
                        ?? throw new InvalidOperationException($"Unknown route constraint '{inline.Constraint}' in '{route.Template}'."))))
                .ToArray();
            return (new TemplateMatcher(template, []), constraints, route.Methods);
        }).ToList();
    }

    /// <summary>The methods the routes matching <paramref name="path"/> take, in upper case; empty when no route matches.</summary>
    public IReadOnlyList<string> MethodsFor(PathString path) =>
        _routes.Where(route => Matches(route.Matcher, route.Constraints, path))
            .SelectMany(route => route.Methods)
            .Select(method => method.ToUpperInvariant())
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

    private static bool Matches(TemplateMatcher matcher, (string Key, IRouteConstraint Constraint)[] constraints, PathString path)
    {
        var values = new RouteValueDictionary();
        return matcher.TryMatch(path, values)
            && constraints.All(pair => pair.Constraint.Match(null, null, pair.Key, values, RouteDirection.IncomingRequest));
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public static readonly EmptyServices Instance = new();

        public object? GetService(Type serviceType) => null;
    }
}
