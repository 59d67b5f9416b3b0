using System.Collections.ObjectModel;
using System.Diagnostics;
using System.Net.Http;
using System.Net.Sockets;
using Azure;
using Azure.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Radikalisering.Core.Encryption;
using Radikalisering.Core.Storage;

namespace Radikalisering.Core.Http;

/// <summary>
/// The last word of every handler on a failure it did not expect. Storage or Key Vault unavailable
/// (after the clients' <see cref="RetryBudget"/>) → 503 problem with <c>Retry-After</c>; a table storage lost
/// is forgotten so the next request creates it again (Azure refuses that for a while after a delete:
/// <c>TableBeingDeleted</c>, also a 503). Anything else → 500 problem carrying only a
/// correlation id, under which the exception is logged. A request the client abandoned is left to the host.
/// </summary>
public sealed partial class ApiFailures(TableClientProvider tables, ILogger<ApiFailures> logger)
{
    public async Task<IResult> HandleAsync(HttpContext context, Func<Task<IResult>> handler)
    {
        try
        {
            return await handler();
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception) when (IsUnavailability(exception))
        {
            if (Flatten(exception).Any(TableClientProvider.IsTableMissing))
            {
                tables.Forget();
            }

            LogUnavailable(CorrelationId(context), exception);
            return Problems.ServiceUnavailable(RetryBudget.RetryAfter);
        }
        catch (Exception exception)
        {
            var correlationId = CorrelationId(context);
            LogFailed(correlationId, exception);
            return Problems.InternalError(correlationId);
        }
    }

    /// <summary>Whether the failure is the platform's (try again later), not the request's or the code's.</summary>
    public static bool IsUnavailability(Exception exception) =>
        Flatten(exception).All(inner => inner switch
        {
            DataKeyUnavailableException or AuthenticationFailedException or HttpRequestException or SocketException
                or IOException or TimeoutException or OperationCanceledException => true,
            RequestFailedException failed => failed.Status is 0 or 408 or 429 or >= 500
                || TableClientProvider.IsTableMissing(failed)
                || failed.ErrorCode == "TableBeingDeleted",
            _ => false,
        });

    private static ReadOnlyCollection<Exception> Flatten(Exception exception) =>
        exception is AggregateException aggregate ? aggregate.Flatten().InnerExceptions : new([exception]);

    private static string CorrelationId(HttpContext context) => Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage or Key Vault unavailable (correlation id {CorrelationId}); answered 503.")]
    private partial void LogUnavailable(string correlationId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected failure (correlation id {CorrelationId}); answered 500.")]
    private partial void LogFailed(string correlationId, Exception exception);
}
