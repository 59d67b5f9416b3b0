using System.Globalization;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;
using Radikalisering.WorkerHost.Functions;
using Radikalisering.WorkerHost.Protocol;

namespace Radikalisering.WorkerHost.Queues;

/// <summary>
/// Polls a queue trigger's queue as the Functions host does: base64 messages decoded to the string the
/// function takes, one at a time; deleted after a successful invocation; after a failed one made
/// visible again after <c>visibilityTimeout</c>, or moved to <c>{queue}-poison</c> once dequeued
/// <c>maxDequeueCount</c> times (host.json; 5 by default).
/// </summary>
public sealed class QueueTriggerListener(FunctionInvoker invoker, QueueListenerSettings settings, ILogger logger)
{
    private static readonly TimeSpan InvisibleWhileRunning = TimeSpan.FromMinutes(10);

    public Task RunAsync(IEnumerable<WorkerFunction> functions, CancellationToken cancellationToken) =>
        Task.WhenAll(functions.Where(function => function.Trigger is QueueTrigger).Select(function => ListenAsync(function, cancellationToken)));

    private async Task ListenAsync(WorkerFunction function, CancellationToken cancellationToken)
    {
        var trigger = (QueueTrigger)function.Trigger;
        var connectionString = settings.ConnectionString(trigger.Connection);
        var options = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        var queue = new QueueClient(connectionString, trigger.QueueName, options);
        var poison = new QueueClient(connectionString, trigger.QueueName + "-poison", options);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
                QueueMessage[] messages = await queue.ReceiveMessagesAsync(1, InvisibleWhileRunning, cancellationToken);
                if (messages.Length == 0)
                {
                    await Task.Delay(settings.PollInterval, cancellationToken);
                    continue;
                }

                await HandleAsync(function, queue, poison, messages[0], cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is RequestFailedException or AggregateException or WorkerHostException)
            {
                // Storage unreachable (the Azure SDK has retried already) or the worker gone: keep polling, as the host does.
                logger.LogWarning("Queue {Queue} could not be read ({Message}); retrying.", trigger.QueueName, exception.Message);
                await Task.Delay(settings.PollInterval * 10, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task HandleAsync(WorkerFunction function, QueueClient queue, QueueClient poison, QueueMessage message, CancellationToken cancellationToken)
    {
        if (message.DequeueCount <= settings.MaxDequeueCount)
        {
            var metadata = new Dictionary<string, TypedData>
            {
                ["Id"] = new() { String = message.MessageId },
                ["DequeueCount"] = new() { Json = message.DequeueCount.ToString(CultureInfo.InvariantCulture) },
                ["PopReceipt"] = new() { String = message.PopReceipt },
                ["InsertionTime"] = new() { String = message.InsertedOn?.ToString("O", CultureInfo.InvariantCulture) ?? "" },
            };
            var response = await invoker.InvokeAsync(function, new TypedData { String = message.Body.ToString() }, metadata, cancellationToken);
            if (response.Result.Status == StatusResult.Types.Status.Success)
            {
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                return;
            }

            if (message.DequeueCount < settings.MaxDequeueCount)
            {
                await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: settings.VisibilityTimeout, cancellationToken: cancellationToken);
                return;
            }
        }

        logger.LogWarning("Message {Id} on {Queue} failed {Count} times; moved to {Poison}.", message.MessageId, queue.Name, message.DequeueCount, poison.Name);
        await poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await poison.SendMessageAsync(message.Body, cancellationToken: cancellationToken);
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
    }
}

/// <param name="ConnectionString">The storage connection string for a binding's connection setting name.</param>
public sealed record QueueListenerSettings(
    Func<string, string> ConnectionString,
    int MaxDequeueCount,
    TimeSpan VisibilityTimeout,
    TimeSpan PollInterval);
