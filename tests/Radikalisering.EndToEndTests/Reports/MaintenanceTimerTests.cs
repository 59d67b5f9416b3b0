using Radikalisering.EndToEndTests.Hosting;

namespace Radikalisering.EndToEndTests.Reports;

/// <summary>The daily maintenance timers run through the host without failing.</summary>
[Collection(WorkerCollection.Name)]
[Trait("Category", "Slow")]
public sealed class MaintenanceTimerTests(WorkerFixture worker)
{
    [Theory]
    [InlineData("ReencryptConcerns")]
    [InlineData("DeleteExpiredConcerns")]
    [InlineData("CompleteAuditIntents")]
    [InlineData("WarmUpRecordPath")]
    public async Task The_timer_function_runs_through_the_host(string function)
    {
        var before = worker.Host.Invocations.Count(invocation => invocation.FunctionName == function && invocation.Succeeded);

        await worker.Host.InvokeTimerAsync(function);

        Assert.Equal(before + 1, worker.Host.Invocations.Count(invocation => invocation.FunctionName == function && invocation.Succeeded));
    }
}
