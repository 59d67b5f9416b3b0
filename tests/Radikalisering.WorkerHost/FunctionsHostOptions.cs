namespace Radikalisering.WorkerHost;

/// <summary>What <see cref="FunctionsHost"/> runs and how.</summary>
public sealed class FunctionsHostOptions
{
    /// <summary>The built Functions app: the folder with <c>functions.metadata</c>, <c>host.json</c> and <c>worker.config.json</c>.</summary>
    public required string AppDirectory { get; init; }

    /// <summary>App settings, given to the worker as environment variables (as the host does with <c>local.settings.json</c> Values).</summary>
    public IDictionary<string, string?> AppSettings { get; } = new Dictionary<string, string?>();

    /// <summary>Where the HTTP triggers are served; port 0 takes a free one.</summary>
    public Uri Url { get; set; } = new("http://127.0.0.1:0");

    /// <summary>Run timer functions on their schedules, not only when <see cref="FunctionsHost.InvokeTimerAsync"/> asks.</summary>
    public bool RunTimerSchedules { get; set; } = true;

    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a failed queue message stays invisible; <c>null</c> takes host.json's <c>visibilityTimeout</c>.</summary>
    public TimeSpan? QueueVisibilityTimeout { get; set; }

    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(90);
}
