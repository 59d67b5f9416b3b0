using Microsoft.Azure.Functions.Worker;
using Radikalisering.Core.Concerns;

namespace Radikalisering.Functions.Concerns;

/// <summary>Moves rows sealed under an older data key version onto the current one, daily.</summary>
public sealed class KeyRotationFunction(ConcernKeyRotation rotation)
{
    [Function("ReencryptConcerns")]
    public Task RunAsync(
        [TimerTrigger(ConcernKeyRotation.Schedule)] TimerInfo timer,
        CancellationToken cancellationToken) =>
        rotation.RunAsync(cancellationToken);
}
