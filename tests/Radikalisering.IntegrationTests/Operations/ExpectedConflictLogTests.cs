using System.Collections.Concurrent;
using System.Net;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Radikalisering.Core.Access;
using Radikalisering.Core.Storage;
using Radikalisering.IntegrationTests.Concerns;
using Radikalisering.IntegrationTests.Fixtures.Azurite;
using Radikalisering.IntegrationTests.Fixtures.Http;

namespace Radikalisering.IntegrationTests.Operations;

/// <summary>
/// The Azure SDK logs every error answer as a warning, which the app forwards to its logs and alerts on. A 409 the
/// app expects (a row an earlier attempt already added) is no warning; the same 409 from any other call still is.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ExpectedConflictLogTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_repeated_idempotent_create_logs_no_Azure_warning()
    {
        var logs = new AzureLogs();
        await using var host = await ApiTestHost.StartAsync(azurite, options => options.ConfigureServices = services => services.AddLogging(logging => logging.AddProvider(logs)));
        using var client = host.CreateClient(ConcernRequests.Staff, AppRoles.ConcernsReadWrite);
        var key = Guid.NewGuid().ToString();

        using var first = await client.PostAsync(ConcernRequests.Example, key);
        using var repeated = await client.PostAsync(ConcernRequests.Example, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, repeated.StatusCode);
        Assert.Equal(first.Headers.Location, repeated.Headers.Location);
        Assert.True(!logs.Warnings.Any(), string.Join(Environment.NewLine, logs.Warnings));
    }

    [Fact]
    public async Task An_add_of_an_existing_row_is_null_without_a_warning_and_unexpected_the_same_409_is_still_a_warning()
    {
        var logs = new AzureLogs();
        await using var host = await ApiTestHost.StartAsync(azurite, options => options.ConfigureServices = services => services.AddLogging(logging => logging.AddProvider(logs)));
        var table = await host.Services.GetRequiredService<TableClientProvider>().GetAsync(AzuriteFixture.UniqueName("Conflicts"), CancellationToken.None);
        var row = new TableEntity("p", "r");

        var added = await table.TryAddEntityAsync(row, CancellationToken.None);
        var again = await table.TryAddEntityAsync(row, CancellationToken.None);
        Assert.NotNull(added);
        Assert.Null(again);
        Assert.Empty(logs.Warnings);

        var unexpected = await Assert.ThrowsAsync<RequestFailedException>(() => table.AddEntityAsync(row));
        Assert.Equal(409, unexpected.Status);
        Assert.Contains(logs.Warnings, warning => warning.Contains("409", StringComparison.Ordinal));
    }

    /// <summary>The Azure SDK's log entries at warning or above, as the app's filters let them through.</summary>
    private sealed class AzureLogs : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _warnings = new();

        public IEnumerable<string> Warnings => _warnings;

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName.StartsWith("Azure", StringComparison.Ordinal) ? _warnings : null);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string>? warnings) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => warnings is not null && logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    warnings!.Enqueue(formatter(state, exception));
                }
            }
        }
    }
}
