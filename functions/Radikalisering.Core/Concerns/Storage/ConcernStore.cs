using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Radikalisering.Core.Audit;
using Radikalisering.Core.Encryption;
using Radikalisering.Core.Http;
using Radikalisering.Core.Storage;

namespace Radikalisering.Core.Concerns;

/// <summary>
/// The encrypted <c>Concerns</c> table. Every change is one table transaction in the year's partition
/// that also adds the change's <see cref="AuditIntent"/>, keyed by the operation's id:
/// <list type="bullet">
/// <item>create: the year's reference counter (ETag-guarded, see <see cref="ReferenceCounters"/>), the intent and the
/// concern (RowKey = operation id); with an <c>Idempotency-Key</c> the intent rides on the key's marker; creates of
/// one year queued in this process meanwhile share the transaction (see <see cref="CreateBatch"/>);</item>
/// <item>update and delete: intent and the concern, guarded by the caller's ETag.</item>
/// </list>
/// When the SDK retries a transaction that had committed (the answer was lost), the retry fails on the
/// counter or on the intent's row (or marker), which only this operation writes: the store then answers with the committed
/// result, so a create never records twice and a retried update or delete reports the change it made. The record path
/// is at most three round trips in a row: bind the key (with a key only), the transaction, then the audit (its table row
/// and its trail record at once, see <c>ChainedAuditLog</c>).
/// </summary>
public sealed partial class ConcernStore(
    TableClientProvider tables,
    IOptions<StorageOptions> options,
    PayloadCipher cipher,
    TimeProvider time,
    ILogger<ConcernStore> logger) : IConcernReader
{
    private const int MaximumCreateAttempts = 50;
    private const int OutcomeChecks = 3;
    private const int IntentAction = 0;
    private const int ChangedConcernAction = 1;

    private readonly ReferenceCounters _counters = new();

    private string TableName => options.Value.ConcernsTable;

    public async Task<ConcernCreateResult> CreateAsync(ConcernFacts facts, string? idempotencyKey, string who, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
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
            if (await ResolveOutcomeAsync(() => FindCommittedAsync(table, request)) is { } committed)
            {
                return committed;
            }

            throw;
        }
    }

    /// <summary>The stored concern; null when there is none. Throws <see cref="UnreadableConcernException"/> for a damaged row.</summary>
    public async Task<StoredConcern?> GetAsync(int year, Guid id, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(
            PartitionKeyOf(year), RowKeyOf(id), cancellationToken: cancellationToken);
        if (!row.HasValue)
        {
            return null;
        }

        return await TryReadAsync(row.Value!, cancellationToken)
            ?? throw new UnreadableConcernException(Unreadable(row.Value!), row.Value!.ETag);
    }

    /// <summary>One page of a year's concerns. <paramref name="continuationToken"/> is the Table service's own token.</summary>
    public async Task<StoredPage> ListAsync(int year, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        await foreach (var page in QueryYear(table, year, pageSize, cancellationToken)
                           .AsPages(continuationToken, pageSize)
                           .WithCancellation(cancellationToken))
        {
            var items = new List<StoredConcern>(page.Values.Count);
            var unreadable = new List<UnreadableConcern>();
            foreach (var row in page.Values)
            {
                if (await TryReadAsync(row, cancellationToken) is { } concern)
                {
                    items.Add(concern);
                }
                else
                {
                    unreadable.Add(Unreadable(row));
                }
            }

            return new StoredPage(items, unreadable, string.IsNullOrEmpty(page.ContinuationToken) ? null : page.ContinuationToken);
        }

        return new StoredPage([], [], null);
    }

    /// <summary>
    /// The year's facts for the statistics. A damaged row makes the whole read fail, after the scan, with
    /// <see cref="UnreadableConcernsException"/> naming how many rows are damaged: a statistic that silently
    /// left rows out would be wrong.
    /// </summary>
    public async IAsyncEnumerable<ConcernFacts> ReadYearAsync(int year, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        var unreadable = 0;
        await foreach (var row in QueryYear(table, year, 1000, cancellationToken))
        {
            if (await TryReadAsync(row, cancellationToken) is { } concern)
            {
                yield return concern.Facts;
            }
            else
            {
                unreadable++;
            }
        }

        if (unreadable > 0)
        {
            LogYearUnreadable(year, unreadable);
            throw new UnreadableConcernsException(year, unreadable);
        }
    }

    /// <summary>Whether the year holds at least one concern row (readable or not).</summary>
    public async Task<bool> HasConcernsAsync(int year, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        await foreach (var page in table.QueryAsync<TableEntity>(YearFilter(year), 1, ["RowKey"], cancellationToken)
                           .AsPages(pageSizeHint: 1)
                           .WithCancellation(cancellationToken))
        {
            if (page.Values.Count > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Replaces the facts (re-encrypted under the current key with a fresh nonce) if the row still has <paramref name="ifMatch"/>.</summary>
    public async Task<ConcernWriteResult> UpdateAsync(
        StoredConcern current,
        ConcernFacts facts,
        ETag ifMatch,
        AuditIntent intent,
        CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        var updated = current with { Facts = facts, UpdatedAt = intent.OccurredAt };
        var partition = PartitionKeyOf(current.Year);
        TableTransactionAction[] actions =
        [
            new(TableTransactionActionType.Add, intent.ToRow(partition)),
            new(TableTransactionActionType.UpdateReplace, await ToEntityAsync(updated, cancellationToken), ifMatch),
        ];
        var outcome = await CommitChangeAsync(table, partition, intent, actions, cancellationToken);
        if (!outcome.IsCommitted)
        {
            return new ConcernWriteResult(outcome.Refusal);
        }

        if (outcome.ConcernETag is { } etag)
        {
            return new ConcernWriteResult(ConcernWriteStatus.Done, updated with { ETag = etag });
        }

        // An earlier attempt of this update committed; its answer was lost, so read the row for its ETag.
        return await ResolveOutcomeAsync(() => GetAsync(current.Year, current.Id, CancellationToken.None)) is { } reread
            ? new ConcernWriteResult(ConcernWriteStatus.Done, reread)
            : new ConcernWriteResult(ConcernWriteStatus.NotFound);
    }

    public async Task<ConcernWriteResult> DeleteAsync(int year, Guid id, ETag ifMatch, AuditIntent intent, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        var partition = PartitionKeyOf(year);
        TableTransactionAction[] actions =
        [
            new(TableTransactionActionType.Add, intent.ToRow(partition)),
            new(TableTransactionActionType.Delete, new TableEntity(partition, RowKeyOf(id)), ifMatch),
        ];
        var outcome = await CommitChangeAsync(table, partition, intent, actions, cancellationToken);
        return new ConcernWriteResult(outcome.IsCommitted ? ConcernWriteStatus.Done : outcome.Refusal);
    }

    /// <summary>
    /// Removes the intent of a change whose audit is written (row and trail record), so the sweep has nothing to do
    /// for it: the intent's own row, or the intent columns of a keyed create's marker. Idempotent.
    /// </summary>
    public async Task RemoveIntentAsync(int year, AuditIntent intent, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        var partition = PartitionKeyOf(year);
        if (idempotencyKey is null)
        {
            await table.DeleteEntityAsync(partition, intent.RowKey, ETag.All, cancellationToken);
            return;
        }

        var marker = MarkerRow(partition, IdempotencyBindings.RowKeyOf(idempotencyKey), intent.OperationId);
        try
        {
            await table.UpdateEntityAsync(marker, ETag.All, TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            // The year was deleted since.
        }
    }

    /// <summary>
    /// Re-seals every row (concerns and idempotency bindings) whose payload is under an older key version
    /// with the current key, in place and ETag-guarded; content and schema stay as they are.
    /// A row changed meanwhile is skipped: its writer sealed it under the current key already.
    /// </summary>
    public async Task<ReencryptConcernsResult> ReencryptAsync(CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        var current = await cipher.CurrentKeyVersionAsync(cancellationToken);
        var moved = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
        {
            // A full scan either way (KeyVersion is not a key); filtered here, which every Table endpoint supports alike.
            if (row.GetString(ConcernColumns.KeyVersion) is not { } version || version == current
                || row.GetInt32(ConcernColumns.SchemaVersion) is not { } schemaVersion)
            {
                continue;
            }

            await SealIntoAsync(row, await OpenAsync(row, schemaVersion, cancellationToken), schemaVersion, cancellationToken);
            try
            {
                await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
                moved++;
            }
            catch (RequestFailedException exception) when (exception.Status is 404 or 412)
            {
                // Updated or deleted since it was read; an update sealed it under the current key.
            }
        }

        return new ReencryptConcernsResult(current, moved);
    }

    /// <summary>
    /// Deletes a whole year: the concerns and the year's bookkeeping rows (reference counter, idempotency
    /// markers, audit intents, which the caller completes first) in table transactions of up to 100 rows,
    /// reporting each transaction's concern ids once it committed; last the year's idempotency key
    /// bindings, which live outside the partition.
    /// </summary>
    public async Task DeleteYearAsync(int year, Func<IReadOnlyList<string>, Task> deleted, CancellationToken cancellationToken)
    {
        const int maximumTransactionSize = 100;
        var table = await TableAsync(cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PartitionKeyOf(year)}");
        var rows = table.QueryAsync<TableEntity>(filter, maximumTransactionSize, ["PartitionKey", "RowKey"], cancellationToken);
        await foreach (var page in rows.AsPages().WithCancellation(cancellationToken))
        {
            if (page.Values.Count == 0)
            {
                continue;
            }

            var actions = page.Values.Select(row => new TableTransactionAction(TableTransactionActionType.Delete, row)).ToList();
            await table.SubmitTransactionAsync(actions, cancellationToken);
            await deleted(page.Values
                    .Select(row => row.RowKey)
                    .Where(rowKey => !rowKey.StartsWith(ConcernColumns.BookkeepingPrefix, StringComparison.Ordinal))
                    .ToList());
        }

        await IdempotencyBindings.DeleteYearAsync(table, year, cancellationToken);
    }

    public static string PartitionKeyOf(int year) => year.ToString("D4", CultureInfo.InvariantCulture);

    public static string FormatReference(int year, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{sequence:D4}");

    private static string RowKeyOf(Guid id) => id.ToString("D");

    private static string YearFilter(int year) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {PartitionKeyOf(year)} and RowKey lt {ConcernColumns.BookkeepingPrefix}");

    private static AsyncPageable<TableEntity> QueryYear(TableClient table, int year, int pageSize, CancellationToken cancellationToken) =>
        table.QueryAsync<TableEntity>(YearFilter(year), pageSize, cancellationToken: cancellationToken);

    /// <summary>
    /// Binds the request's key: null when the key belongs to another request; else the concern id to create
    /// under, and whether it was adopted from an earlier request with the same key and body.
    /// </summary>
    private async Task<(Guid ConcernId, bool Adopted)?> BindAsync(TableClient table, PendingCreate request, CancellationToken cancellationToken)
    {
        var rowKey = request.KeyRowKey!;
        var binding = IdempotencyBindings.Row(rowKey, request.Year, request.ConcernId);
        await SealIntoAsync(binding, PaddedJson.Serialize(IdempotentRequest.Of(request.Facts)), IdempotencyBindings.SchemaVersion, cancellationToken);
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

        var remembered = await TryOpenAsync<IdempotentRequest>(existing, IdempotencyBindings.SchemaVersion, cancellationToken);
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
        var partition = PartitionKeyOf(request.Year);
        var concern = new StoredConcern(request.ConcernId, request.Year, "", request.Facts, intent.OccurredAt, intent.OccurredAt, default);
        var queued = new QueuedCreate(
            request,
            intent,
            concern,
            await ToEntityAsync(concern, cancellationToken),
            request.KeyRowKey is null ? intent.ToRow(partition) : intent.CarryOn(MarkerRow(partition, request.KeyRowKey, request.ConcernId)));
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
        if (await GetAsync(request.Year, request.ConcernId, cancellationToken) is { } existing)
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

        var marker = await table.GetEntityIfExistsAsync<TableEntity>(PartitionKeyOf(request.Year), request.KeyRowKey, cancellationToken: cancellationToken);
        if (!marker.HasValue)
        {
            return null;
        }

        return IdempotencyBindings.ConcernIdOf(marker.Value!) is { } original
            && original != request.ConcernId
            && await GetAsync(request.Year, original, cancellationToken) is { } replay
            ? new ConcernCreateResult(ConcernCreateStatus.Replayed, replay, null)
            : new ConcernCreateResult(ConcernCreateStatus.OriginalDeleted, null, null);
    }

    /// <summary>After the SDK gave up on a create: its result if it committed after all; else null, and a new key binding is removed.</summary>
    private async Task<ConcernCreateResult?> FindCommittedAsync(TableClient table, PendingCreate request)
    {
        var intentRow = await table.GetEntityIfExistsAsync<TableEntity>(
            PartitionKeyOf(request.Year), request.KeyRowKey ?? AuditIntent.RowKeyOf(request.ConcernId));
        // Without a key the intent row is this create's own; a key's marker is its create's when it names the concern.
        var committed = intentRow.HasValue && (request.KeyRowKey is null || IdempotencyBindings.ConcernIdOf(intentRow.Value!) == request.ConcernId);
        StoredConcern? concern;
        try
        {
            concern = await GetAsync(request.Year, request.ConcernId, CancellationToken.None);
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

    /// <summary>
    /// Asks whether a change whose transaction failed committed, until storage answers: <see cref="OutcomeChecks"/>
    /// times, each with the clients' own retries (<see cref="RetryBudget"/>), so an outage of a few seconds is waited
    /// out. A change that may have committed is never answered 503 (which tells the client it did not happen):
    /// when storage never answers, <see cref="CommitOutcomeUnknownException"/> (a 500 with a correlation id).
    /// </summary>
    private static async Task<T> ResolveOutcomeAsync<T>(Func<Task<T>> check)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await check();
            }
            catch (Exception exception) when (ApiFailures.IsUnavailability(exception))
            {
                if (attempt == OutcomeChecks)
                {
                    throw new CommitOutcomeUnknownException(exception);
                }

                await Task.Delay(RetryBudget.MaxDelay); // storage's time, as the clients' own retries: not the app's clock
            }
        }
    }

    /// <summary>
    /// Submits an update or delete with its intent. A failure on the intent's row means an earlier attempt of
    /// this very operation committed; a failure on the concern's row is a stale ETag (412) or a missing row (404).
    /// </summary>
    private static async Task<ChangeOutcome> CommitChangeAsync(
        TableClient table,
        string partition,
        AuditIntent intent,
        IReadOnlyList<TableTransactionAction> actions,
        CancellationToken cancellationToken)
    {
        try
        {
            var responses = await table.SubmitTransactionAsync(actions, cancellationToken);
            return ChangeOutcome.Committed with { ConcernETag = responses.Value[ChangedConcernAction].Headers.ETag };
        }
        catch (TableTransactionFailedException exception) when (exception.Status is 404 or 409 or 412 && !TableClientProvider.IsTableMissing(exception))
        {
            var committed = exception.FailedTransactionActionIndex switch
            {
                IntentAction => true,
                ChangedConcernAction => false,
                _ => await ResolveOutcomeAsync(() => IntentExistsAsync(table, partition, intent)),
            };
            return committed
                ? ChangeOutcome.Committed
                : ChangeOutcome.Refused(exception.Status == 404 ? ConcernWriteStatus.NotFound : ConcernWriteStatus.PreconditionFailed);
        }
        catch (Exception exception) when (!TableClientProvider.IsTableMissing(exception))
        {
            // The SDK gave up; if the change committed after all, its intent says so.
            if (await ResolveOutcomeAsync(() => IntentExistsAsync(table, partition, intent)))
            {
                return ChangeOutcome.Committed;
            }

            throw;
        }
    }

    private static async Task<bool> IntentExistsAsync(TableClient table, string partition, AuditIntent intent) =>
        (await table.GetEntityIfExistsAsync<TableEntity>(partition, intent.RowKey, ["RowKey"])).HasValue;

    private static async Task<ReferenceCounters.CounterState> ReadCounterAsync(TableClient table, string partition, CancellationToken cancellationToken)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(partition, ConcernColumns.CounterRowKey, cancellationToken: cancellationToken);
        return row.HasValue
            ? new ReferenceCounters.CounterState(row.Value!.GetInt32(ConcernColumns.LastSequence) ?? 0, row.Value.ETag)
            : new ReferenceCounters.CounterState(0, default);
    }

    private static TableEntity MarkerRow(string partition, string keyRowKey, Guid concernId) =>
        new(partition, keyRowKey) { [ConcernColumns.ConcernId] = RowKeyOf(concernId) };

    private async Task<TableEntity> ToEntityAsync(StoredConcern concern, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(PartitionKeyOf(concern.Year), RowKeyOf(concern.Id))
        {
            [ConcernColumns.Reference] = concern.Reference,
        };
        var record = new ConcernRecord(concern.Facts, concern.CreatedAt, concern.UpdatedAt);
        await SealIntoAsync(entity, PaddedJson.Serialize(record), ConcernColumns.CurrentSchemaVersion, cancellationToken);
        return entity;
    }

    private async Task SealIntoAsync(TableEntity entity, byte[] plaintext, int schemaVersion, CancellationToken cancellationToken)
    {
        var binding = new PayloadBinding(TableName, entity.PartitionKey, entity.RowKey, schemaVersion);
        var sealedPayload = await cipher.SealAsync(plaintext, binding, cancellationToken);
        entity[ConcernColumns.Payload] = sealedPayload.Payload;
        entity[ConcernColumns.KeyVersion] = sealedPayload.KeyVersion;
        entity[ConcernColumns.SchemaVersion] = schemaVersion;
    }

    private async Task<byte[]> OpenAsync(TableEntity entity, int schemaVersion, CancellationToken cancellationToken)
    {
        var sealedPayload = new SealedPayload(
            entity.GetBinary(ConcernColumns.Payload) ?? throw new InvalidDataException($"Row {entity.RowKey} has no payload."),
            entity.GetString(ConcernColumns.KeyVersion) ?? throw new InvalidDataException($"Row {entity.RowKey} has no key version."));
        var binding = new PayloadBinding(TableName, entity.PartitionKey, entity.RowKey, schemaVersion);
        return await cipher.OpenAsync(sealedPayload, binding, cancellationToken);
    }

    /// <summary>The payload of a bookkeeping row, or null when it cannot be read.</summary>
    private async Task<T?> TryOpenAsync<T>(TableEntity entity, int schemaVersion, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return entity.GetInt32(ConcernColumns.SchemaVersion) == schemaVersion
                ? PaddedJson.Deserialize<T>(await OpenAsync(entity, schemaVersion, cancellationToken))
                : null;
        }
        catch (Exception exception) when (IsDamage(exception))
        {
            return null;
        }
    }

    /// <summary>The decrypted concern, or null (logged) when the row is damaged. Unavailability (storage, Key Vault) still throws.</summary>
    private async Task<StoredConcern?> TryReadAsync(TableEntity entity, CancellationToken cancellationToken)
    {
        try
        {
            var id = Guid.ParseExact(entity.RowKey, "D");
            var year = int.Parse(entity.PartitionKey, NumberStyles.None, CultureInfo.InvariantCulture);
            var reference = entity.GetString(ConcernColumns.Reference) ?? throw new InvalidDataException("The row has no reference.");
            var record = entity.GetInt32(ConcernColumns.SchemaVersion) switch
            {
                ConcernColumns.CurrentSchemaVersion => PaddedJson.Deserialize<ConcernRecord>(
                    await OpenAsync(entity, ConcernColumns.CurrentSchemaVersion, cancellationToken)),
                ConcernColumns.PlaintextTimesSchemaVersion => new ConcernRecord(
                    PaddedJson.Deserialize<ConcernFacts>(
                        await OpenAsync(entity, ConcernColumns.PlaintextTimesSchemaVersion, cancellationToken)),
                    entity.GetDateTimeOffset(ConcernColumns.CreatedAt) ?? default,
                    entity.GetDateTimeOffset(ConcernColumns.UpdatedAt) ?? default),
                var other => throw new InvalidDataException($"Payload schema version {other} is not one this code reads."),
            };
            return record.Facts.ReceivedOn.Year == year
                ? new StoredConcern(id, year, reference, record.Facts, record.CreatedAt, record.UpdatedAt, entity.ETag)
                : throw new InvalidDataException("The payload's year is not the row's partition.");
        }
        catch (Exception exception) when (IsDamage(exception))
        {
            LogRowUnreadable(entity.PartitionKey, entity.RowKey, exception.GetType().Name);
            return null;
        }
    }

    private static bool IsDamage(Exception exception) =>
        exception is CryptographicException or InvalidDataException or JsonException or FormatException or OverflowException
            or UnknownKeyVersionException;

    private static UnreadableConcern Unreadable(TableEntity row) =>
        new(row.RowKey, row.GetString(ConcernColumns.Reference) ?? "");

    private Task<TableClient> TableAsync(CancellationToken cancellationToken) => tables.GetAsync(TableName, cancellationToken);

    [LoggerMessage(Level = LogLevel.Error, Message = "Integrity alert: concern row {PartitionKey}/{RowKey} cannot be read ({Reason}).")]
    private partial void LogRowUnreadable(string partitionKey, string rowKey, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{RowCount} concern row(s) of {Year} cannot be read; the year's statistics are refused until they are repaired (SECURITY.md).")]
    private partial void LogYearUnreadable(int year, int rowCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A failed create could not be checked for a late commit.")]
    private partial void LogCreateUnresolved(Exception exception);


    private sealed record ChangeOutcome(bool IsCommitted, ConcernWriteStatus Refusal)
    {
        public static readonly ChangeOutcome Committed = new(true, ConcernWriteStatus.Done);

        public ETag? ConcernETag { get; init; }

        public static ChangeOutcome Refused(ConcernWriteStatus status) => new(false, status);
    }
}
