using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Radikalisering.Core.Audit;
using Radikalisering.Core.Storage;

namespace Radikalisering.Core.Concerns;

/// <summary>
/// Records new concerns, each once. A create is one table transaction in the year's partition: the year's reference
/// counter (ETag-guarded, see <see cref="ReferenceCounters"/>), the create's <see cref="AuditIntent"/> (keyed by the
/// operation id) and the concern (RowKey = operation id); with an <c>Idempotency-Key</c> the intent rides on the key's
/// marker; creates of one year queued in this process meanwhile share the transaction (see <see cref="CreateBatch"/>).
/// When the SDK retries a transaction that had committed (the answer was lost), the retry fails on the counter or on
/// the intent's row (or marker), which only this create writes: the creator then answers with the committed result,
/// so a create never records twice. The record path is at most three round trips in a row: bind the key (with a key
/// only), the transaction, then the audit (its table row and its trail record at once, see <c>ChainedAuditLog</c>).
/// </summary>
public sealed partial class ConcernCreator(
    ConcernRows rows,
    ConcernReader reader,
    TimeProvider time,
    ILogger<ConcernCreator> logger)
{
    private const int MaximumCreateAttempts = 50;

    private readonly ReferenceCounters _counters = new();

    public async Task<ConcernCreateResult> CreateAsync(ConcernFacts facts, string? idempotencyKey, string who, CancellationToken cancellationToken)
    {
        var table = await rows.TableAsync(cancellationToken);
        var now = time.GetUtcNow();
        var request = new PendingCreate(facts, Guid.NewGuid(), idempotencyKey is null ? null : IdempotencyBindings.RowKeyOf(idempotencyKey));
        if (request.KeyRowKey is not null)
        {
            var binding = await BindAsync(table, request, cancellationToken);
            if (binding is null)
            {
                return new ConcernCreateResult(ConcernCreateStatus.KeyReusedForDifferentRequest, null, null);
            }

            request = request with { ConcernId = binding.Value.ConcernId, AdoptedKey = binding.Value.Adopted };
        }

        var intent = new AuditIntent(request.ConcernId, who, AuditActions.CreateConcern, request.ConcernId.ToString("D"), now);
        try
        {
            return await CommitCreateAsync(table, request, intent, cancellationToken);
        }
        catch (Exception exception) when (!TableClientProvider.IsTableMissing(exception))
        {
            // The SDK gave up: the transaction may or may not have committed. If it did, that is the answer;
            // if it certainly did not, a new key binding is removed so the key can be used again.
            if (await ConcernRows.ResolveOutcomeAsync(() => FindCommittedAsync(table, request)) is { } committed)
            {
                return committed;
            }

            throw;
        }
    }

    /// <summary>
    /// Binds the request's key: null when the key belongs to another request; else the concern id to create
    /// under, and whether it was adopted from an earlier request with the same key and body.
    /// </summary>
    private async Task<(Guid ConcernId, bool Adopted)?> BindAsync(TableClient table, PendingCreate request, CancellationToken cancellationToken)
    {
        var rowKey = request.KeyRowKey!;
        var binding = IdempotencyBindings.Row(rowKey, request.Year, request.ConcernId);
        await rows.SealIntoAsync(binding, PaddedJson.Serialize(IdempotentRequest.Of(request.Facts)), IdempotencyBindings.SchemaVersion, cancellationToken);
        if (await table.TryAddEntityAsync(binding, cancellationToken) is not null)
        {
            return (request.ConcernId, false);
        }

        var existing = (await table.GetEntityAsync<TableEntity>(IdempotencyBindings.Partition, rowKey, cancellationToken: cancellationToken)).Value;
        if (IdempotencyBindings.ConcernIdOf(existing) is not { } boundId)
        {
            return null;
        }

        if (boundId == request.ConcernId)
        {
            return (boundId, false); // our own add, retried by the SDK after its answer was lost
        }

        var remembered = await rows.TryOpenAsync<IdempotentRequest>(existing, IdempotencyBindings.SchemaVersion, cancellationToken);
        return remembered == IdempotentRequest.Of(request.Facts) ? (boundId, true) : null;
    }

    /// <summary>
    /// Queues the create on its year and commits it in one entity-group transaction, together with the other
    /// creates of the year queued meanwhile in this process (group commit, see <see cref="CreateBatch"/>): the
    /// creates of a year take turns, and whoever holds the turn commits everything queued so far.
    /// </summary>
    private async Task<ConcernCreateResult> CommitCreateAsync(
        TableClient table,
        PendingCreate request,
        AuditIntent intent,
        CancellationToken cancellationToken)
    {
        var partition = ConcernRows.PartitionKeyOf(request.Year);
        var concern = new StoredConcern(request.ConcernId, request.Year, "", request.Facts, intent.OccurredAt, intent.OccurredAt, default);
        var queued = new QueuedCreate(
            request,
            intent,
            concern,
            await rows.ToEntityAsync(concern, cancellationToken),
            request.KeyRowKey is null ? intent.ToRow(partition) : intent.CarryOn(ConcernRows.MarkerRow(partition, request.KeyRowKey, request.ConcernId)));
        var counter = _counters.For(request.Year);
        counter.Pending.Enqueue(queued);
        try
        {
            await counter.Turn.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (!queued.TryWithdraw())
        {
            // Another caller's transaction holds it already: its outcome is this request's.
            return await queued.Outcome.Task;
        }

        try
        {
            while (!queued.Outcome.Task.IsCompleted)
            {
                await CommitQueuedAsync(table, counter);
            }
        }
        finally
        {
            counter.Turn.Release();
        }

        return await queued.Outcome.Task;
    }

    /// <summary>
    /// Commits creates queued on the year so far and settles each. Not cancelled by the caller holding the
    /// turn: the work is the other queued callers' as much as its own.
    /// </summary>
    private Task CommitQueuedAsync(TableClient table, ReferenceCounters.YearCounter counter) =>
        CommitAsync(table, counter, CreateBatch.Take(counter.Pending));

    private async Task CommitAsync(TableClient table, ReferenceCounters.YearCounter counter, CreateBatch batch)
    {
        for (var attempt = 1; attempt <= MaximumCreateAttempts && batch.Count > 0; attempt++)
        {
            try
            {
                var known = counter.Known ??= await ReadCounterAsync(table, batch.Partition, CancellationToken.None);
                var responses = await table.SubmitTransactionAsync(batch.Actions(known), CancellationToken.None);
                counter.Known = batch.Committed(known, responses.Value);
                return;
            }
            catch (TableTransactionFailedException exception) when (exception.Status is 404 or 409 or 412 && !TableClientProvider.IsTableMissing(exception))
            {
                counter.Known = null;
                if (exception.FailedTransactionActionIndex is null && batch.Count > 1)
                {
                    // The service did not say which row failed: each create alone, where a failure is its own.
                    foreach (var single in batch.OneByOne())
                    {
                        await CommitAsync(table, counter, single);
                    }

                    return;
                }

                if (batch.FailedCreate(exception.FailedTransactionActionIndex) is { } failed)
                {
                    batch.Remove(failed.Create);
                    if (await ResolveConflictAsync(table, failed.Create.Request, failed.Create.Intent, failed.Row, CancellationToken.None) is { } resolved)
                    {
                        failed.Create.Outcome.TrySetResult(resolved);
                    }
                    else
                    {
                        batch.Add(failed.Create); // its key's marker is not there after all: retry it
                    }
                }

                // Otherwise another instance took the counter first: read it again and retry.
            }
            catch (Exception exception)
            {
                // The SDK gave up (or the table is gone): each caller finds out on its own whether its create committed.
                counter.Known = null;
                batch.Fail(exception);
                return;
            }
        }

        batch.Fail(new InvalidOperationException($"No reference could be allocated in {MaximumCreateAttempts} attempts: too much contention."));
    }

    /// <summary>
    /// A create transaction failed on a row other than the counter (or the service did not say which):
    /// the concern may be there already, from this request's own earlier attempt or, for an adopted key,
    /// from the first request. Null when it is not, and the counter is the one to blame.
    /// </summary>
    private async Task<ConcernCreateResult?> ResolveConflictAsync(
        TableClient table,
        PendingCreate request,
        AuditIntent intent,
        CreateRow? failedRow,
        CancellationToken cancellationToken)
    {
        if (await reader.GetAsync(request.Year, request.ConcernId, cancellationToken) is { } existing)
        {
            return request.AdoptedKey
                ? new ConcernCreateResult(ConcernCreateStatus.Replayed, existing, null)
                : new ConcernCreateResult(ConcernCreateStatus.Created, existing, intent);
        }

        if (failedRow is CreateRow.Intent or CreateRow.Concern)
        {
            // The concern was recorded under this id (by this request or, for an adopted key, the first) and is gone: deleted since.
            return new ConcernCreateResult(ConcernCreateStatus.OriginalDeleted, null, null);
        }

        if (request.KeyRowKey is null)
        {
            return null;
        }

        var marker = await table.GetEntityIfExistsAsync<TableEntity>(ConcernRows.PartitionKeyOf(request.Year), request.KeyRowKey, cancellationToken: cancellationToken);
        if (!marker.HasValue)
        {
            return null;
        }

        return IdempotencyBindings.ConcernIdOf(marker.Value!) is { } original
            && original != request.ConcernId
            && await reader.GetAsync(request.Year, original, cancellationToken) is { } replay
            ? new ConcernCreateResult(ConcernCreateStatus.Replayed, replay, null)
            : new ConcernCreateResult(ConcernCreateStatus.OriginalDeleted, null, null);
    }

    /// <summary>After the SDK gave up on a create: its result if it committed after all; else null, and a new key binding is removed.</summary>
    private async Task<ConcernCreateResult?> FindCommittedAsync(TableClient table, PendingCreate request)
    {
        var intentRow = await table.GetEntityIfExistsAsync<TableEntity>(
            ConcernRows.PartitionKeyOf(request.Year), request.KeyRowKey ?? AuditIntent.RowKeyOf(request.ConcernId));
        // Without a key the intent row is this create's own; a key's marker is its create's when it names the concern.
        var committed = intentRow.HasValue && (request.KeyRowKey is null || IdempotencyBindings.ConcernIdOf(intentRow.Value!) == request.ConcernId);
        StoredConcern? concern;
        try
        {
            concern = await reader.GetAsync(request.Year, request.ConcernId, CancellationToken.None);
        }
        catch (UnreadableConcernException exception)
        {
            LogCreateUnresolved(exception);
            return null;
        }

        if (concern is not null)
        {
            return request.AdoptedKey
                ? new ConcernCreateResult(ConcernCreateStatus.Replayed, concern, null)
                : new ConcernCreateResult(ConcernCreateStatus.Created, concern, committed ? AuditIntent.HeldBy(intentRow.Value!) : null);
        }

        if (request.KeyRowKey is not null && !request.AdoptedKey && !committed)
        {
            await IdempotencyBindings.DeleteAsync(table, request.KeyRowKey, CancellationToken.None);
        }

        return null;
    }

    private static async Task<ReferenceCounters.CounterState> ReadCounterAsync(TableClient table, string partition, CancellationToken cancellationToken)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(partition, ConcernColumns.CounterRowKey, cancellationToken: cancellationToken);
        return row.HasValue
            ? new ReferenceCounters.CounterState(row.Value!.GetInt32(ConcernColumns.LastSequence) ?? 0, row.Value.ETag)
            : new ReferenceCounters.CounterState(0, default);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A failed create could not be checked for a late commit.")]
    private partial void LogCreateUnresolved(Exception exception);
}
