using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using Radikalisering.Core.Audit;

namespace Radikalisering.Core.Concerns;

/// <summary>
/// Creates of one year committed together: one entity-group transaction holding the year's counter row,
/// bumped once by the number of creates, and each create's intent and concern, the creates numbered in turn.
/// A create with an <c>Idempotency-Key</c> adds its key's marker, which carries the intent (one row, not two).
/// The transaction commits all of them or none, so references stay unique and contiguous;
/// a failure names the row that failed (<see cref="FailedCreate"/>), whose create is settled on its own.
/// The first create's intent comes first: when the SDK resends a transaction that committed, it fails there.
/// </summary>
internal sealed class CreateBatch
{
    /// <summary>An entity-group transaction holds at most 100 rows: the counter and two rows per create.</summary>
    public const int MaximumCreates = 49;

    private const int CounterAction = 1;

    private readonly List<QueuedCreate> _creates;
    private readonly List<(QueuedCreate? Create, CreateRow Row)> _rows = [];

    private CreateBatch(List<QueuedCreate> creates) => _creates = creates;

    public int Count => _creates.Count;

    public string Partition => ConcernRows.PartitionKeyOf(_creates[0].Request.Year);

    /// <summary>
    /// The creates queued so far, up to <see cref="MaximumCreates"/>. Two creates under one concern id (two
    /// requests adopting the same idempotency key) never share a transaction, which refuses a row twice: the
    /// later one waits for the next turn and then finds the concern there.
    /// </summary>
    public static CreateBatch Take(ConcurrentQueue<QueuedCreate> pending)
    {
        var creates = new List<QueuedCreate>();
        var later = new List<QueuedCreate>();
        var ids = new HashSet<Guid>();
        while (creates.Count < MaximumCreates && pending.TryDequeue(out var next))
        {
            if (!ids.Add(next.Request.ConcernId))
            {
                later.Add(next);
            }
            else if (next.TryTake())
            {
                creates.Add(next);
            }
        }

        foreach (var create in later)
        {
            pending.Enqueue(create);
        }

        return new CreateBatch(creates);
    }

    public static CreateBatch Of(QueuedCreate create) => new([create]);

    public IEnumerable<CreateBatch> OneByOne() => _creates.Select(Of);

    /// <summary>The transaction's rows when the counter is as <paramref name="known"/> says.</summary>
    public IReadOnlyList<TableTransactionAction> Actions(ReferenceCounters.CounterState known)
    {
        _rows.Clear();
        var actions = new List<TableTransactionAction>(1 + (2 * Count));
        var counterRow = new TableEntity(Partition, ConcernColumns.CounterRowKey) { [ConcernColumns.LastSequence] = known.LastSequence + Count };
        for (var i = 0; i < Count; i++)
        {
            var create = _creates[i];
            create.ConcernRow[ConcernColumns.Reference] = ConcernRows.FormatReference(create.Request.Year, known.LastSequence + 1 + i);
            Add(actions, create, create.IntentRowKind, new(TableTransactionActionType.Add, create.IntentRow));
            if (i == 0)
            {
                Add(actions, null, CreateRow.Counter, known.Exists
                    ? new(TableTransactionActionType.UpdateReplace, counterRow, known.ETag)
                    : new(TableTransactionActionType.Add, counterRow));
            }

            Add(actions, create, CreateRow.Concern, new(TableTransactionActionType.Add, create.ConcernRow));
        }

        return actions;
    }

    /// <summary>Settles every create as created, with the ETags the service returned; the counter as it now is.</summary>
    public ReferenceCounters.CounterState Committed(ReferenceCounters.CounterState known, IReadOnlyList<Response> responses)
    {
        for (var action = 0; action < responses.Count; action++)
        {
            if (_rows[action] is not (QueuedCreate create, CreateRow.Concern))
            {
                continue;
            }

            var created = create.Concern with
            {
                Reference = create.ConcernRow.GetString(ConcernColumns.Reference)!,
                ETag = responses[action].Headers.ETag
                    ?? throw new InvalidOperationException("The table service returned no ETag for a concern it stored."),
            };
            create.Outcome.TrySetResult(new ConcernCreateResult(ConcernCreateStatus.Created, created, create.Intent));
        }

        return new ReferenceCounters.CounterState(known.LastSequence + Count, responses[CounterAction].Headers.ETag ?? default);
    }

    /// <summary>The create and row a failed transaction names; null for the counter, or when the service did not say.</summary>
    public (QueuedCreate Create, CreateRow Row)? FailedCreate(int? failedAction) =>
        failedAction is { } action && action < _rows.Count && _rows[action] is (QueuedCreate create, var row) ? (create, row) : null;

    public void Remove(QueuedCreate create) => _creates.Remove(create);

    public void Add(QueuedCreate create) => _creates.Add(create);

    public void Fail(Exception exception)
    {
        foreach (var create in _creates)
        {
            create.Outcome.TrySetException(exception);
        }
    }

    private void Add(List<TableTransactionAction> actions, QueuedCreate? create, CreateRow row, TableTransactionAction action)
    {
        actions.Add(action);
        _rows.Add((create, row));
    }
}

/// <summary>The rows of a create transaction.</summary>
internal enum CreateRow
{
    Counter,

    /// <summary>The create's audit intent, its own row (a create without a key).</summary>
    Intent,
    Concern,

    /// <summary>The key's marker, carrying the create's audit intent.</summary>
    Marker,
}

/// <summary>A create in progress: its facts, the id it creates under (the operation id) and its key's RowKey.</summary>
internal sealed record PendingCreate(ConcernFacts Facts, Guid ConcernId, string? KeyRowKey)
{
    public int Year => Facts.ReceivedOn.Year;

    /// <summary>Whether <see cref="ConcernId"/> came from an earlier request with the same key.</summary>
    public bool AdoptedKey { get; init; }
}

/// <summary>
/// A create waiting for its year's turn: its sealed concern row, the row holding its intent (its key's marker,
/// or the intent's own row without a key), and the outcome its caller awaits. A caller that gives up while
/// waiting withdraws it, unless a transaction has taken it already.
/// </summary>
internal sealed record QueuedCreate(
    PendingCreate Request,
    AuditIntent Intent,
    StoredConcern Concern,
    TableEntity ConcernRow,
    TableEntity IntentRow)
{
    private const int Waiting = 0;
    private const int Taken = 1;
    private const int Withdrawn = 2;

    private int _state = Waiting;

    public TaskCompletionSource<ConcernCreateResult> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public CreateRow IntentRowKind => Request.KeyRowKey is null ? CreateRow.Intent : CreateRow.Marker;

    /// <summary>Claims the create for a transaction; false when its caller withdrew it.</summary>
    public bool TryTake() => Interlocked.CompareExchange(ref _state, Taken, Waiting) == Waiting;

    /// <summary>Withdraws the create before any transaction holds it; false when one does.</summary>
    public bool TryWithdraw() => Interlocked.CompareExchange(ref _state, Withdrawn, Waiting) == Waiting;
}
