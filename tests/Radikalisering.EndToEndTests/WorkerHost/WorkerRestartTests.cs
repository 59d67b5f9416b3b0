using System.Net;
using System.Text;
using Radikalisering.Core.Access;
using Radikalisering.EndToEndTests.Hosting;
using Radikalisering.TestSupport.Azurite;

namespace Radikalisering.EndToEndTests.WorkerHost;

/// <summary>
/// A worker host started again and again in one process (as the cold-start benchmark does) answers the
/// first request sent as soon as its start returns: the start waits until the worker itself listens.
/// </summary>
[Collection(WorkerCollection.Name)]
[Trait("Category", "Slow")]
public sealed class WorkerRestartTests(WorkerFixture worker)
{
    private const int Starts = 5;

    [Fact]
    public async Task Each_new_host_answers_the_create_sent_right_after_its_start()
    {
        var firstAnswers = new List<HttpStatusCode>();
        for (var start = 0; start < Starts; start++)
        {
            await using var host = await worker.StartHostAsync(AzuriteFixture.UniqueName("AuditLog"));
            using var staff = WorkerFixture.CreateClient(host, "restart", AppRoles.ConcernsReadWrite);
            using var create = new HttpRequestMessage(HttpMethod.Post, "api/concerns")
            {
                Content = new StringContent("""{ "receivedOn": "2026-03-14", "subjectUnder18": true, "reporter": "municipalEmployee" }""", Encoding.UTF8, "application/json"),
            };
            create.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            using var created = await staff.SendAsync(create);
            firstAnswers.Add(created.StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Created, Starts), firstAnswers);
    }
}
