using System.Net;
using Radikalisering.Core.Access;
using Radikalisering.Core.Concerns;
using Radikalisering.IntegrationTests.Infrastructure.Azurite;
using Radikalisering.IntegrationTests.Infrastructure.Http;

namespace Radikalisering.IntegrationTests.Concerns;

[Collection(AzuriteCollection.Name)]
public sealed class ConcernApiSmokeTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_submitted_concern_can_be_read_back()
    {
        await using var host = await ApiTestHost.StartAsync(azurite);
        using var client = host.CreateClient("staff-1", AppRoles.ConcernsReadWrite);

        using var created = await client.PostAsync("/api/concerns", ApiJson.Body(
            """{ "receivedOn": "2026-03-14", "subjectUnder18": true, "reporter": "municipalEmployee" }"""));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var view = await created.ReadAsync<ConcernView>();

        using var read = await client.GetAsync(created.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(view, await read.ReadAsync<ConcernView>());
        Assert.Equal("2026-0001", view.Reference);
    }
}
