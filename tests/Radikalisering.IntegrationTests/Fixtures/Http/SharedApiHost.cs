using Radikalisering.IntegrationTests.Fixtures.Azurite;

namespace Radikalisering.IntegrationTests.Fixtures.Http;

/// <summary>
/// One <see cref="ApiTestHost"/> with the default options for all tests of a class. Tests on it count only what
/// they added themselves (<see cref="StoreMark"/>).
/// </summary>
public sealed class SharedApiHost(AzuriteFixture azurite) : SharedHost(() => ApiTestHost.StartAsync(azurite));
