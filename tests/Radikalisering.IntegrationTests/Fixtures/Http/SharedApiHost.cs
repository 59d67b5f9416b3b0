using Radikalisering.IntegrationTests.Fixtures.Azurite;

namespace Radikalisering.IntegrationTests.Fixtures.Http;

/// <summary>
/// One <see cref="ApiTestHost"/> with the default options for all tests of a class (<c>IClassFixture</c>): started once,
/// disposed after the class. Tests on it count only what they added themselves (<see cref="StoreMark"/>).
/// </summary>
public sealed class SharedApiHost(AzuriteFixture azurite) : IAsyncLifetime
{
    private ApiTestHost? _host;

    public ApiTestHost Host => _host ?? throw new InvalidOperationException("The host starts in InitializeAsync.");

    public async Task InitializeAsync() => _host = await ApiTestHost.StartAsync(azurite);

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
