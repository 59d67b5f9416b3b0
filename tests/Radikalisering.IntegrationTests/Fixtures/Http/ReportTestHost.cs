using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Radikalisering.Core.Concerns;
using Radikalisering.Core.Mail;
using Radikalisering.Core.Reports;
using Radikalisering.Core.Storage;
using Radikalisering.IntegrationTests.Fixtures.Azurite;
using Radikalisering.TestSupport;

namespace Radikalisering.IntegrationTests.Fixtures.Http;

/// <summary>
/// The API host with the annual report services and routes, mail going through the real Graph
/// client to the host's own <see cref="GraphRecorder"/> (<see cref="Graph"/>), disposed with the host. The clock
/// starts on the morning of 5 January 2026, when the timer compiles 2025.
/// </summary>
public static class ReportTestHost
{
    public const string Sender = "tk-statistik@kommune.example";
    public static readonly string[] Recipients = ["direktion@kommune.example", "chef.tk@kommune.example"];
    public static readonly DateTimeOffset JanuaryMorning = new(2026, 1, 5, 5, 0, 0, TimeSpan.Zero);

    public static Task<ApiTestHost> StartAsync(AzuriteFixture azurite, Action<ApiTestHostOptions>? configure = null) =>
        ApiTestHost.StartAsync(azurite, options =>
        {
            options.Now = JanuaryMorning;
            options.Settings["Report:DeliveryMode"] = nameof(ReportDeliveryMode.Graph);
            options.Settings["Report:SenderMailbox"] = Sender;
            for (var index = 0; index < Recipients.Length; index++)
            {
                options.Settings[$"Report:Recipients:{index}"] = Recipients[index];
            }

            options.AddServices(services => services
                .AddSingleton<GraphRecorder>()
                .AddSingleton(provider => ReportGraphClientFactory.Create(new FixedTokenCredential(), provider.GetRequiredService<GraphRecorder>())));
            options.AddEndpoints(endpoints => endpoints.MapReportEndpoints());
            configure?.Invoke(options);
        });

    /// <summary>Publishes age × outcome and reporter × outcome besides the default tables (the default before issue 21).</summary>
    public static void WithTwoWayTables(ApiTestHostOptions options)
    {
        string[] tables = ["total", "age", "reporter", "outcome", "age,outcome", "reporter,outcome"];
        for (var index = 0; index < tables.Length; index++)
        {
            options.Settings[$"Disclosure:Tables:{index}"] = tables[index];
        }
    }

    public static T Get<T>(this ApiTestHost host) where T : notnull => host.Services.GetRequiredService<T>();

    /// <summary>The host's stand-in for Graph: the mails sent so far, and failures to script.</summary>
    public static GraphRecorder Graph(this ApiTestHost host) => host.Get<GraphRecorder>();

    /// <summary>Stores concerns received in <paramref name="year"/>: <paramref name="count"/> alike ones per call.</summary>
    public static async Task SeedAsync(this ApiTestHost host, int year, int count, bool under18, ReporterKind reporter, Outcome outcome)
    {
        var store = host.Get<ConcernCreator>();
        for (var index = 0; index < count; index++)
        {
            var receivedOn = new DateOnly(year, 1 + index % 12, 1 + index % 28);
            var outcomeOn = outcome == Outcome.Pending ? (DateOnly?)null : receivedOn.AddDays(14);
            await store.CreateAsync(new ConcernFacts(receivedOn, under18, reporter, outcome, outcomeOn), idempotencyKey: null, who: "test-seed", CancellationToken.None);
        }
    }

    /// <summary>Takes every <c>report-ready</c> message off the queue, as the Functions host would hand them to the trigger.</summary>
    public static async Task<IReadOnlyList<string>> DrainReportReadyAsync(this ApiTestHost host)
    {
        var queue = host.Get<QueueServiceClient>().GetQueueClient(host.Settings[$"{StorageOptions.SectionName}:{nameof(StorageOptions.ReportReadyQueue)}"]);
        var messages = new List<string>();
        while (true)
        {
            var batch = (await queue.ReceiveMessagesAsync(maxMessages: 32)).Value;
            if (batch.Length == 0)
            {
                return messages;
            }

            foreach (var message in batch)
            {
                messages.Add(message.Body.ToString());
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
        }
    }
}
