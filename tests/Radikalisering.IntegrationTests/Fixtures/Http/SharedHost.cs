namespace Radikalisering.IntegrationTests.Fixtures.Http;

/// <summary>A host for all tests of a class (<c>IClassFixture</c>): started before the first, disposed after the last.</summary>
public abstract class SharedHost(Func<Task<ApiTestHost>> start) : IAsyncLifetime
{
    private ApiTestHost? _host;

    public ApiTestHost Host => _host ?? throw new InvalidOperationException("The host starts in InitializeAsync.");

    public async Task InitializeAsync() => _host = await start();

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
