using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Logging;
using Radikalisering.Core.Access;
using Radikalisering.Core.Reports;
using Radikalisering.TestSupport.Azurite;
using Radikalisering.WorkerHost;

namespace Radikalisering.EndToEndTests.Hosting;

/// <summary>
/// The built Radikalisering.Functions worker, started by <see cref="FunctionsHost"/> as the Functions host
/// starts it, in the Development environment on Azurite (tables unique to this run), with the development
/// key, <c>Auth:Mode=Development</c> and the outbox mailer. Timers run only when a test invokes them; a
/// failed queue message is retried at once, so the poison queue is reached in seconds.
/// </summary>
public sealed class WorkerFixture : IAsyncLifetime
{
    /// <summary>A fixed 256-bit development key (base64).</summary>
    private const string DevelopmentKey = "ZGV2ZWxvcG1lbnQta2V5LW9ubHktZm9yLXRlc3RzISE=";

    private readonly ILoggerFactory _loggerFactory = LoggerFactory.Create(logging => logging.AddConsole().SetMinimumLevel(LogLevel.Warning));

    public AzuriteFixture Azurite { get; } = new();

    public FunctionsHost Host { get; private set; } = null!;

    public string OutboxDirectory { get; } = Path.Combine(Path.GetTempPath(), AzuriteFixture.UniqueName("outbox"));

    public string AuditLogTable { get; } = AzuriteFixture.UniqueName("AuditLog");

    /// <summary>The Concerns table of the fixture's host.</summary>
    public string ConcernsTable { get; } = AzuriteFixture.UniqueName("Concerns");

    /// <summary>The queue the <c>SendAnnualReport</c> trigger listens on: the app's constant, shared by nothing else.</summary>
    public QueueClient ReportReadyQueue => Queue(ReportReadyMessages.TriggerQueueName);

    public QueueClient ReportReadyPoisonQueue => Queue(ReportReadyMessages.TriggerQueueName + "-poison");

    public TableClient AuditLog => Azurite.TableService.GetTableClient(AuditLogTable);

    public async Task InitializeAsync()
    {
        await Azurite.InitializeAsync();
        await ReportReadyQueue.DeleteIfExistsAsync();
        await ReportReadyPoisonQueue.DeleteIfExistsAsync();

        Host = await StartHostAsync(AuditLogTable, ConcernsTable);
    }

    /// <summary>
    /// Starts a worker host of its own on this fixture's Azurite, with <paramref name="auditLogTable"/>, the
    /// Concerns table <paramref name="concernsTable"/> (by default a new one) and a new ReportSnapshots table;
    /// the caller disposes it.
    /// </summary>
    public Task<FunctionsHost> StartHostAsync(string auditLogTable, string? concernsTable = null)
    {
        var options = new FunctionsHostOptions
        {
            AppDirectory = RepositoryPaths.FunctionsApp,
            RunTimerSchedules = false,
            QueuePollInterval = TimeSpan.FromMilliseconds(200),
            QueueVisibilityTimeout = TimeSpan.Zero,
        };
        foreach (var (key, value) in new Dictionary<string, string?>
        {
            ["AZURE_FUNCTIONS_ENVIRONMENT"] = "Development",
            ["AzureWebJobsStorage"] = Azurite.ConnectionString,
            ["Storage:ConnectionString"] = Azurite.ConnectionString,
            ["Storage:ConcernsTable"] = concernsTable ?? AzuriteFixture.UniqueName("Concerns"),
            ["Storage:AuditLogTable"] = auditLogTable,
            ["Storage:ReportSnapshotsTable"] = AzuriteFixture.UniqueName("ReportSnapshots"),
            ["Storage:ReportReadyQueue"] = ReportReadyMessages.TriggerQueueName,
            ["KeyVault:DevelopmentKey"] = DevelopmentKey,
            ["Auth:Mode"] = "Development",
            ["Report:DeliveryMode"] = "Outbox",
            ["Report:OutboxDirectory"] = OutboxDirectory,
            ["Report:SenderMailbox"] = "tk-statistik@kommune.example",
            ["Report:Recipients:0"] = "ledelse@kommune.example",
        })
        {
            options.AppSettings[key] = value;
        }

        return FunctionsHost.StartAsync(options, _loggerFactory);
    }

    /// <summary>A client without any principal header (an anonymous caller).</summary>
    public HttpClient CreateClient() => new() { BaseAddress = Host.BaseAddress };

    /// <summary>A client that sends the <c>X-MS-CLIENT-PRINCIPAL</c> Easy Auth would send for the caller.</summary>
    public HttpClient CreateClient(string objectId, params string[] roles) => CreateClient(Host, objectId, roles);

    /// <summary>The same, for another host than the fixture's.</summary>
    public static HttpClient CreateClient(FunctionsHost host, string objectId, params string[] roles)
    {
        var client = new HttpClient { BaseAddress = host.BaseAddress };
        client.DefaultRequestHeaders.Add(ClientPrincipal.HeaderName, ClientPrincipal.CreateHeaderValue(objectId, roles));
        return client;
    }

    /// <summary>Waits until <paramref name="condition"/> holds, failing with <paramref name="what"/> after <paramref name="timeout"/>.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting for: {what}");
            }

            await Task.Delay(100);
        }
    }

    public async Task DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        await Azurite.DisposeAsync();
        _loggerFactory.Dispose();
        if (Directory.Exists(OutboxDirectory))
        {
            Directory.Delete(OutboxDirectory, recursive: true);
        }
    }

    private QueueClient Queue(string name) =>
        new(Azurite.ConnectionString, name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
}
