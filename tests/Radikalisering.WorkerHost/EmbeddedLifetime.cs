using Microsoft.Extensions.Hosting;

namespace Radikalisering.WorkerHost;

/// <summary>
/// The lifetime of the host's own web servers: started and stopped by <see cref="FunctionsHost"/>, not by
/// Ctrl+C or SIGTERM (ASP.NET Core's console lifetime would stop one server and leave the worker running).
/// </summary>
internal sealed class EmbeddedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
