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

    /// <summary>Adds to <see cref="ConfigureServices"/>, after and keeping what a host built on this one registered.</summary>
    public void AddServices(Action<IServiceCollection> configure)
    {
        var configured = ConfigureServices;
        ConfigureServices = services =>
        {
            configured?.Invoke(services);
            configure(services);
        };
    }

    /// <summary>Adds to <see cref="MapEndpoints"/>, keeping the routes a host built on this one mapped.</summary>
    public void AddEndpoints(Action<IEndpointRouteBuilder> map)
    {
        var mapped = MapEndpoints;
        MapEndpoints = endpoints =>
        {
            mapped?.Invoke(endpoints);
            map(endpoints);
        };
    }
}
