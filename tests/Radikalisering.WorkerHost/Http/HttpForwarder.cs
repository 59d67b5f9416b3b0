using System.Text.Json;
using Google.Protobuf.Collections;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Radikalisering.WorkerHost.Functions;
using Radikalisering.WorkerHost.Protocol;

namespace Radikalisering.WorkerHost.Http;

/// <summary>
/// Serves the HTTP triggers as the Functions host does with the ASP.NET Core integration: a request
/// that matches a function's route and method becomes an <c>InvocationRequest</c> (route values in the
/// trigger metadata) and, at the same time, the same request (method, path, query, headers, body)
/// sent to the worker's own HTTP listener with the invocation id in <c>x-ms-invocation-id</c>. The
/// worker answers on HTTP; that answer is copied back. Like the Functions host, which does not rank
/// routes as ASP.NET Core does, the first function by name whose route and method match takes the
/// request (azure-functions-host#9876); a trigger without methods takes every method. The request goes to the worker
/// with its target exactly as received, as the host's proxy sends it: decoded and encoded again, <c>/api/%2500</c>
/// would reach the worker as <c>/api/%00</c>, which its server refuses while the invocation waits for it in vain.
/// </summary>
public sealed class HttpForwarder(WorkerChannel channel, FunctionInvoker invocations, Uri workerHttpUri, HttpClient client, ILogger logger)
{
    public const string InvocationIdHeader = "x-ms-invocation-id";

    private static readonly HashSet<string> HopByHopHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Transfer-Encoding", "Upgrade", "Proxy-Connection", "TE", "Trailer", "Host",
    };

    public void Map(IEndpointRouteBuilder endpoints, string routePrefix, IEnumerable<WorkerFunction> functions)
    {
        var order = 0;
        foreach (var function in functions.OrderBy(function => function.Name, StringComparer.OrdinalIgnoreCase))
        {
            if (function.Trigger is HttpTrigger trigger)
            {
                var pattern = $"/{routePrefix}/{trigger.Route}";
                RequestDelegate forward = context => ForwardAsync(context, function, trigger);
                var endpoint = trigger.Methods.Count == 0 ? endpoints.Map(pattern, forward) : endpoints.MapMethods(pattern, trigger.Methods, forward);
                endpoint.WithOrder(order++);
            }
        }
    }

    private async Task ForwardAsync(HttpContext context, WorkerFunction function, HttpTrigger trigger)
    {
        var invocationId = Guid.NewGuid().ToString();
        var request = context.Request;
        var invocation = new InvocationRequest
        {
            InvocationId = invocationId,
            FunctionId = function.Id,
            InputData =
            {
                new ParameterBinding
                {
                    Name = trigger.ParameterName,
                    Data = new TypedData { Http = new RpcHttp { Method = request.Method, Url = request.GetDisplayUrl() } },
                },
            },
        };
        AddTriggerMetadata(invocation.TriggerMetadata, context);
        var invoked = channel.InvokeAsync(invocation, context.RequestAborted);

        var target = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        using var proxied = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(workerHttpUri, target));
        if (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            proxied.Content = new StreamContent(request.Body);
        }

        foreach (var (name, values) in request.Headers)
        {
            if (HopByHopHeaders.Contains(name))
            {
                continue;
            }

            if (!proxied.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                proxied.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        proxied.Headers.Add(InvocationIdHeader, invocationId);

        using var answer = await client.SendAsync(proxied, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        context.Response.StatusCode = (int)answer.StatusCode;
        foreach (var (name, values) in answer.Headers.Concat(answer.Content.Headers))
        {
            if (!HopByHopHeaders.Contains(name))
            {
                context.Response.Headers[name] = values.ToArray();
            }
        }

        await answer.Content.CopyToAsync(context.Response.Body, context.RequestAborted);

        var result = await invoked;
        invocations.Record(function, result);
        if (result.Result.Status != StatusResult.Types.Status.Success)
        {
            logger.LogError("{Function} failed: {Message}{NewLine}{StackTrace}", function.Name, result.Result.Exception?.Message ?? result.Result.Result, Environment.NewLine, result.Result.Exception?.StackTrace);
        }
    }

    private static void AddTriggerMetadata(MapField<string, TypedData> metadata, HttpContext context)
    {
        foreach (var (name, value) in context.Request.RouteValues)
        {
            if (value is not null)
            {
                metadata[name] = new TypedData { String = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) };
            }
        }

        metadata["Query"] = new TypedData { Json = JsonSerializer.Serialize(context.Request.Query.ToDictionary(pair => pair.Key, pair => pair.Value.ToString())) };
        metadata["Headers"] = new TypedData { Json = JsonSerializer.Serialize(context.Request.Headers.ToDictionary(pair => pair.Key, pair => pair.Value.ToString())) };
    }
}
