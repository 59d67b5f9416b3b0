using Radikalisering.EndToEndTests.Hosting;
using Radikalisering.WorkerHost;
using Radikalisering.WorkerHost.Functions;
using Radikalisering.WorkerHost.Protocol;
using Radikalisering.WorkerHost.Timers;

namespace Radikalisering.EndToEndTests.WorkerHost;

/// <summary>What the worker host understands of the app's metadata, and what it refuses with a clear message.</summary>
public sealed class WorkerHostContractTests
{
    [Theory]
    [InlineData("CompileAnnualReport", "2026-12-31T23:00:00Z", "2027-01-01T05:00:00Z")]
    [InlineData("CompileAnnualReport", "2027-01-01T05:00:00Z", "2027-01-02T05:00:00Z")]
    [InlineData("ReencryptConcerns", "2026-11-30T12:00:00Z", "2026-12-01T04:30:00Z")]
    [InlineData("DeleteExpiredConcerns", "2026-11-30T05:00:00Z", "2026-11-30T05:30:00Z")]
    [InlineData("CompleteAuditIntents", "2026-11-30T05:03:10Z", "2026-11-30T05:05:00Z")]
    [InlineData("WarmUpRecordPath", "2026-11-30T06:00:31Z", "2026-11-30T06:05:30Z")]
    [InlineData("WarmUpRecordPath", "2026-11-27T16:55:30Z", "2026-11-30T06:00:30Z")]
    public void The_app_s_timers_run_on_their_schedules_with_seconds_in_UTC(string function, string after, string next)
    {
        var timer = (TimerTrigger)FunctionsMetadataFile.Read(RepositoryPaths.FunctionsApp)
            .Select(WorkerFunction.From).Single(candidate => candidate.Name == function).Trigger;

        var occurrence = TimerInvoker.Parse(timer).GetNextOccurrence(DateTimeOffset.Parse(after, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime);

        Assert.Equal(DateTimeOffset.Parse(next, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime, occurrence);
    }

    [Fact]
    public void A_binding_the_host_does_not_serve_is_refused_naming_the_function_and_the_binding()
    {
        var metadata = new RpcFunctionMetadata { Name = "ResizeImage" };
        metadata.RawBindings.Add("""{ "name": "image", "type": "blobTrigger", "direction": "In", "path": "images/{name}" }""");

        var refusal = Assert.Throws<WorkerHostException>(() => WorkerFunction.From(metadata));

        Assert.Contains("'ResizeImage' has a 'blobTrigger' binding", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_timer_schedule_without_seconds_is_refused()
    {
        var refusal = Assert.Throws<WorkerHostException>(() => TimerInvoker.Parse(new TimerTrigger("timer", "0 5 * * *")));

        Assert.Contains("not an NCRONTAB schedule with seconds", refusal.Message, StringComparison.Ordinal);
    }
}
