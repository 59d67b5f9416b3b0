using Azure;
using Azure.Data.Tables;
using Radikalisering.Core.Audit;
using Radikalisering.Core.Storage;

namespace Radikalisering.Core.Concerns;

/// <summary>
/// Updates and deletes concerns. Each change is one table transaction in the year's partition: the change's
/// <see cref="AuditIntent"/>, keyed by the operation's id, and the concern, guarded by the caller's ETag.
/// When the SDK retries a transaction that had committed (the answer was lost), the retry fails on the intent's row,
/// which only this operation writes: the change is then reported as made. Once the audit is written the intent is
/// removed (<see cref="RemoveIntentAsync"/>), also a create's.
/// </summary>
public sealed class ConcernChanger(ConcernRows rows, ConcernReader reader)
{
    private const int IntentAction = 0;
    private const int ChangedConcernAction = 1;

    /// <summary>Replaces the facts (re-encrypted under the current key with a fresh nonce) if the row still has <paramref name="ifMatch"/>.</summary>
    public async Task<ConcernWriteResult> UpdateAsync(
        StoredConcern current,
        ConcernFacts facts,
        ETag ifMatch,
        AuditIntent intent,
        CancellationToken cancellationToken)
    {
        var table = await rows.TableAsync(cancellationToken);
        var updated = current with { Facts = facts, UpdatedAt = intent.OccurredAt };
        var partition = ConcernRows.PartitionKeyOf(current.Year);
        TableTransactionAction[] actions =
        [
            new(TableTransactionActionType.Add, intent.ToRow(partition)),
            new(TableTransactionActionType.UpdateReplace, await rows.ToEntityAsync(updated, cancellationToken), ifMatch),
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
        return await ConcernRows.ResolveOutcomeAsync(() => reader.GetAsync(current.Year, current.Id, CancellationToken.None)) is { } reread
            ? new ConcernWriteResult(ConcernWriteStatus.Done, reread)
            : new ConcernWriteResult(ConcernWriteStatus.NotFound);
    }

    public async Task<ConcernWriteResult> DeleteAsync(int year, Guid id, ETag ifMatch, AuditIntent intent, CancellationToken cancellationToken)
    {
        var table = await rows.TableAsync(cancellationToken);
        var partition = ConcernRows.PartitionKeyOf(year);
        TableTransactionAction[] actions =
        [
            new(TableTransactionActionType.Add, intent.ToRow(partition)),
            new(TableTransactionActionType.Delete, new TableEntity(partition, ConcernRows.RowKeyOf(id)), ifMatch),
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
        var table = await rows.TableAsync(cancellationToken);
        var partition = ConcernRows.PartitionKeyOf(year);
        if (idempotencyKey is null)
        {
            await table.DeleteEntityAsync(partition, intent.RowKey, ETag.All, cancellationToken);
            return;
        }

        var marker = ConcernRows.MarkerRow(partition, IdempotencyBindings.RowKeyOf(idempotencyKey), intent.OperationId);
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
                _ => await ConcernRows.ResolveOutcomeAsync(() => IntentExistsAsync(table, partition, intent)),
            };
            return committed
                ? ChangeOutcome.Committed
                : ChangeOutcome.Refused(exception.Status == 404 ? ConcernWriteStatus.NotFound : ConcernWriteStatus.PreconditionFailed);
        }
        catch (Exception exception) when (!TableClientProvider.IsTableMissing(exception))
        {
            // The SDK gave up; if the change committed after all, its intent says so.
            if (await ConcernRows.ResolveOutcomeAsync(() => IntentExistsAsync(table, partition, intent)))
            {
                return ChangeOutcome.Committed;
            }

            throw;
        }
    }

    private static async Task<bool> IntentExistsAsync(TableClient table, string partition, AuditIntent intent) =>
        (await table.GetEntityIfExistsAsync<TableEntity>(partition, intent.RowKey, ["RowKey"])).HasValue;

    private sealed record ChangeOutcome(bool IsCommitted, ConcernWriteStatus Refusal)
    {
        public static readonly ChangeOutcome Committed = new(true, ConcernWriteStatus.Done);

        public ETag? ConcernETag { get; init; }

        public static ChangeOutcome Refused(ConcernWriteStatus status) => new(false, status);
    }
}
