
namespace Radikalisering.IntegrationTests.Fixtures.Azurite;

/// <summary>All storage tests share one Azurite; they isolate themselves by table and queue names.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
