using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Radikalisering.IntegrationTests.Fixtures.Http;

/// <summary>What a test may change about <see cref="ApiTestHost"/>: the clock, settings, services and routes.</summary>
public sealed class ApiTestHostOptions
{
    /// <summary>The fake clock's start: a Monday in June 2026, 12:00 in Copenhagen.</summary>
    public DateTimeOffset Now { get; set; } = new(2026, 6, 15, 10, 0, 0, TimeSpan.Zero);

    /// <summary>Configuration overriding the host's defaults (flat keys such as <c>Disclosure:Threshold</c>).</summary>
    public IDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    /// <summary>Extra or replacement services, registered before the Core services (so they win over TryAdd registrations).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; set; }

    /// <summary>Extra routes, mapped next to <see cref="ApiRoutes.MapConcernEndpoints"/>.</summary>
    public Action<IEndpointRouteBuilder>? MapEndpoints { get; set; }
}
