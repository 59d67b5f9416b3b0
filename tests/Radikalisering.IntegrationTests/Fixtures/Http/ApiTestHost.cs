using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Radikalisering.Core;
using Radikalisering.Core.Storage;
using Radikalisering.IntegrationTests.Fixtures.Azurite;

namespace Radikalisering.IntegrationTests.Fixtures.Http;

/// <summary>
/// The API in memory: an ASP.NET Core <see cref="TestServer"/> in the Development environment with the
/// app's services registered by the app's own composition root (<c>AddRadikalisering</c>), against Azurite (tables and queue
/// with names unique to this host), the development data key, <c>Auth:Mode=Development</c> and a
/// <see cref="FakeTimeProvider"/>. Routes: <see cref="ApiRoutes.MapConcernEndpoints"/> plus the test's own.
/// </summary>
public sealed class ApiTestHost : IAsyncDisposable
{
    /// <summary>A fixed 256-bit development key (base64).</summary>
    public const string DevelopmentKey = "ZGV2ZWxvcG1lbnQta2V5LW9ubHktZm9yLXRlc3RzISE=";

    private readonly WebApplication _app;

    private ApiTestHost(WebApplication app, FakeTimeProvider time, IReadOnlyDictionary<string, string?> settings)
    {
        _app = app;
        Time = time;
        Settings = settings;
    }

    public FakeTimeProvider Time { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>The effective settings, e.g. <c>Storage:ConcernsTable</c> for raw reads.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; }

    public string ConcernsTable => Settings[$"{StorageOptions.SectionName}:{nameof(StorageOptions.ConcernsTable)}"]!;

    public string AuditLogTable => Settings[$"{StorageOptions.SectionName}:{nameof(StorageOptions.AuditLogTable)}"]!;

    public static async Task<ApiTestHost> StartAsync(AzuriteFixture azurite, Action<ApiTestHostOptions>? configure = null)
    {
        var options = new ApiTestHostOptions();
        configure?.Invoke(options);

        var settings = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:ConcernsTable"] = AzuriteFixture.UniqueName("Concerns"),
            ["Storage:AuditLogTable"] = AzuriteFixture.UniqueName("AuditLog"),
            ["Storage:ReportSnapshotsTable"] = AzuriteFixture.UniqueName("ReportSnapshots"),
            ["Storage:ReportReadyQueue"] = AzuriteFixture.UniqueName("report-ready-"),
            ["Storage:AuditTrailContainer"] = AzuriteFixture.UniqueName("audit-").ToLowerInvariant(),
            ["Storage:BackupContainer"] = AzuriteFixture.UniqueName("backups-").ToLowerInvariant(),
            ["KeyVault:DevelopmentKey"] = DevelopmentKey,
            ["Auth:Mode"] = "Development",
            ["Report:SenderMailbox"] = "tk-statistik@kommune.example",
            ["Report:Recipients:0"] = "ledelse@kommune.example",
            ["Report:OutboxDirectory"] = Path.Combine(Path.GetTempPath(), AzuriteFixture.UniqueName("outbox")),
        };
        foreach (var (key, value) in options.Settings)
        {
            settings[key] = value;
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings);

        var time = new FakeTimeProvider(options.Now);
        builder.Services.AddSingleton<TimeProvider>(time);
        options.ConfigureServices?.Invoke(builder.Services);
        builder.AddRadikalisering();

        var app = builder.Build();
        app.MapConcernEndpoints();
        options.MapEndpoints?.Invoke(app);
        app.MapUnmatchedRequests();
        await app.StartAsync();
        return new ApiTestHost(app, time, settings);
    }

    /// <summary>A client without any principal header (an anonymous caller).</summary>
    public HttpClient CreateClient() => _app.GetTestClient();

    /// <summary>A client that sends <c>X-MS-CLIENT-PRINCIPAL</c> for the given caller on every request.</summary>
    public HttpClient CreateClient(string objectId, params string[] roles)
    {
        var client = _app.GetTestClient();
        client.DefaultRequestHeaders.Add(CallerHeaders.HeaderName, CallerHeaders.For(objectId, roles));
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
