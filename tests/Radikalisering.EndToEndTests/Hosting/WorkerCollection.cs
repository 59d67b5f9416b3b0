namespace Radikalisering.EndToEndTests.Hosting;

/// <summary>The end-to-end tests share one worker (its start costs seconds) and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class WorkerCollection : ICollectionFixture<WorkerFixture>
{
    public const string Name = "Worker";
}
