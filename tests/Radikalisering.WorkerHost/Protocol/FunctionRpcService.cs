using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace Radikalisering.WorkerHost.Protocol;

/// <summary>
/// The gRPC endpoint the worker connects to. The first message must be the <c>StartStream</c> of the
/// worker this host started; the stream then becomes the <see cref="WorkerChannel"/> and stays open
/// until the worker ends it.
/// </summary>
public sealed class FunctionRpcService(WorkerConnection connection, ILoggerFactory loggerFactory) : FunctionRpc.FunctionRpcBase
{
    public override async Task EventStream(
        IAsyncStreamReader<StreamingMessage> requestStream,
        IServerStreamWriter<StreamingMessage> responseStream,
        ServerCallContext context)
    {
        if (!await requestStream.MoveNext(context.CancellationToken))
        {
            return;
        }

        var first = requestStream.Current;
        if (first.ContentCase != StreamingMessage.ContentOneofCase.StartStream || first.StartStream.WorkerId != connection.WorkerId)
        {
            connection.Fail(new WorkerHostException($"Expected StartStream from worker {connection.WorkerId}, got {first.ContentCase} {first.StartStream?.WorkerId}."));
            return;
        }

        var channel = new WorkerChannel(requestStream, responseStream, loggerFactory);
        connection.Connect(channel);
        await channel.ReadAsync(context.CancellationToken);
    }
}
