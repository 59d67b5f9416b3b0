using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Radikalisering.IntegrationTests.Fixtures.Recorders;

/// <summary>Keeps every log entry's level and structured properties, as the worker's telemetry would send them.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    public ConcurrentQueue<(LogLevel Level, IReadOnlyDictionary<string, object?> Properties)> Entries { get; } = new();

    public IEnumerable<IReadOnlyDictionary<string, object?>> Signals(string signal) =>
        Entries.Where(entry => entry.Level >= LogLevel.Error && Equals(entry.Properties.GetValueOrDefault("Signal"), signal))
            .Select(entry => entry.Properties);

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var properties = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.ToDictionary(pair => pair.Key, pair => pair.Value)
                : [];
            logs.Entries.Enqueue((logLevel, properties));
        }
    }
}
