using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Radikalisering.WorkerHost.Functions;
using Radikalisering.WorkerHost.Protocol;
using Radikalisering.WorkerHost.Timers;

namespace Radikalisering.WorkerHost.Admin;

/// <summary>
/// The Functions host's admin endpoint for running a non-HTTP function now, as <c>func start</c> serves it locally:
/// <c>POST /admin/functions/{name}</c> with <c>{"input": "…"}</c> answers 202 Accepted and runs the function in the
/// background: a timer function as its schedule would (the input is not used), a queue function once with the input
/// as its message (not through the queue, so no retry). Like the host, the input may be a string, a number or a
/// boolean, and <c>{}</c> runs with none. 404 for a function the worker does not have; 400 for an HTTP function (call
/// its route) or a body that is not such an object.
/// </summary>
public sealed class AdminFunctionsEndpoint(
    IReadOnlyList<WorkerFunction> functions,
    FunctionInvoker invoker,
    TimerInvoker timers,
    ILogger logger,
    CancellationToken stopping)
{
    public const string Route = "/admin/functions/{name}";

    private readonly ConcurrentDictionary<Task, byte> _running = new();

    /// <summary>Completes when every function started here has finished.</summary>
    public Task Running => Task.WhenAll(_running.Keys);

    public void Map(IEndpointRouteBuilder endpoints) => endpoints.MapPost(Route, AcceptAsync);

    private async Task<IResult> AcceptAsync(string name, HttpRequest request)
    {
        var function = functions.FirstOrDefault(candidate => string.Equals(candidate.Name, name, StringComparison.OrdinalIgnoreCase));
        if (function is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such function", detail: $"The worker has no function '{name}'.");
        }

        if (function.Trigger is HttpTrigger)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "An HTTP function", detail: $"{function.Name} is an HTTP function: call its route instead.");
        }

        var input = await ReadInputAsync(request);
        if (input is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Not an admin invocation", detail: """The body must be a JSON object such as {"input": ""}, with input a string, a number or a boolean.""");
        }

        var run = Task.Run(() => RunAsync(function, input), CancellationToken.None);
        _running.TryAdd(run, 0);
        _ = run.ContinueWith(finished => _running.TryRemove(finished, out _), TaskScheduler.Default);
        return Results.Accepted();
    }

    /// <returns>The input, "" when the body has none; <c>null</c> when the body is not <c>{"input": "…"}</c>.</returns>
    private static async Task<string?> ReadInputAsync(HttpRequest request)
    {
        try
        {
            using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            if (body.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            if (!body.RootElement.TryGetProperty("input", out var input) || input.ValueKind == JsonValueKind.Null)
            {
                return "";
            }

            return input.ValueKind switch
            {
                JsonValueKind.String => input.GetString(),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => input.GetRawText(),
                _ => null,
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task RunAsync(WorkerFunction function, string input)
    {
        try
        {
            var response = function.Trigger is TimerTrigger
                ? await timers.InvokeAsync(function, isPastDue: false, stopping)
                : await invoker.InvokeAsync(function, new TypedData { String = input }, QueueMessageMetadata(), stopping);
            if (response.Result.Status != StatusResult.Types.Status.Success)
            {
                logger.LogError("{Function}, run from the admin endpoint, failed: {Message}", function.Name, response.Result.Exception?.Message ?? response.Result.Result);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WorkerHostException)
        {
            logger.LogWarning("{Function}, run from the admin endpoint, did not finish: {Message}", function.Name, exception.Message);
        }
    }

    /// <summary>What the queue trigger's metadata holds for a message delivered the first time.</summary>
    private static Dictionary<string, TypedData> QueueMessageMetadata() => new()
    {
        ["Id"] = new() { String = Guid.NewGuid().ToString() },
        ["DequeueCount"] = new() { Json = "1" },
        ["InsertionTime"] = new() { String = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture) },
    };
}
