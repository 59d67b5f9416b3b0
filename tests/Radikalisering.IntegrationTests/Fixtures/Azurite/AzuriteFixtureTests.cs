
namespace Radikalisering.IntegrationTests.Fixtures.Azurite;

[Collection(AzuriteCollection.Name)]
public sealed class AzuriteFixtureTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Table_and_queue_storage_answer()
    {
        var table = azurite.TableService.GetTableClient(AzuriteFixture.UniqueName("probe"));
        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new Azure.Data.Tables.TableEntity("p", "r") { ["Value"] = 42 });
        var read = await table.GetEntityAsync<Azure.Data.Tables.TableEntity>("p", "r");
        Assert.Equal(42, read.Value.GetInt32("Value"));

        var queue = azurite.QueueService.GetQueueClient(AzuriteFixture.UniqueName("probe"));
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync("hello");
        var received = await queue.ReceiveMessageAsync();
        Assert.Equal("hello", received.Value.Body.ToString());
    }
}
