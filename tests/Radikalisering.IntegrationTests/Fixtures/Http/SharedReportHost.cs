using Radikalisering.IntegrationTests.Fixtures.Azurite;

namespace Radikalisering.IntegrationTests.Fixtures.Http;

/// <summary>One <see cref="ReportTestHost"/> for all tests of a class.</summary>
public sealed class SharedReportHost(AzuriteFixture azurite) : SharedHost(() => ReportTestHost.StartAsync(azurite));
