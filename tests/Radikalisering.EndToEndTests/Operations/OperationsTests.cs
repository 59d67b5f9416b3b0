using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Radikalisering.Core.Access;
using Radikalisering.EndToEndTests.Hosting;

namespace Radikalisering.EndToEndTests.Operations;

/// <summary>What IT operations rely on, through the real worker: the anonymous health route, the audit trail's
/// verification after real requests, and the daily backup and operations timers.</summary>
[Collection(WorkerCollection.Name)]
[Trait("Category", "Slow")]
public sealed class OperationsTests(WorkerFixture worker)
{
    [Fact]
    public async Task Health_answers_anonymously_with_reachability_only()
    {
        using var anonymous = worker.CreateClient();

        using var response = await anonymous.GetAsync("api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(
            ["dataKey:reachable", "status:healthy", "storage:reachable"],
            body.RootElement.EnumerateObject().Select(property => $"{property.Name}:{property.Value.GetString()}").Order());
    }

    [Fact]
    public async Task The_audit_trail_takes_every_request_and_verifies_intact()
    {
        using var admin = worker.CreateClient(Guid.NewGuid().ToString(), AppRoles.ReportsAdmin);
        var before = await VerifyTodayAsync(admin);
        using var staff = worker.CreateClient(Guid.NewGuid().ToString(), AppRoles.ConcernsReadWrite);
        using var list = await staff.GetAsync("api/concerns?year=2026");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);

        var after = await VerifyTodayAsync(admin);

        Assert.True(after.GetProperty("intact").GetBoolean(), after.ToString());
        // At least the first verification's own audit entry and the list's.
        Assert.True(after.GetProperty("records").GetInt64() >= before.GetProperty("records").GetInt64() + 2, after.ToString());
    }

    [Theory]
    [InlineData("ExportBackup")]
    [InlineData("CheckOperations")]
    public async Task The_timer_function_runs_through_the_host(string function)
    {
        var before = worker.Host.Invocations.Count(invocation => invocation.FunctionName == function && invocation.Succeeded);

        await worker.Host.InvokeTimerAsync(function);

        Assert.Equal(before + 1, worker.Host.Invocations.Count(invocation => invocation.FunctionName == function && invocation.Succeeded));
    }

    private static async Task<JsonElement> VerifyTodayAsync(HttpClient admin)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using var response = await admin.GetAsync($"api/audit-trail/verify?from={today}&to={today}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
