using System.Collections.Concurrent;
using Azure;

namespace Radikalisering.Core.Concerns;

/// <summary>
/// What this process knows of each year's reference counter row: its last sequence and ETag as this
/// process last wrote or read them, so a create needs no read of its own. The creates of one year queue
/// and take turns in the process (the lock), so they never race each other for the row, and the one
/// holding the turn commits all queued so far in one transaction (<see cref="CreateBatch"/>); another
/// instance that bumped the counter meanwhile makes the ETag-guarded transaction fail (412), and only then
/// is the row read again. The counter and the concern commit in one transaction, so every committed concern took
/// exactly the next number: references stay unique and contiguous.
/// </summary>
internal sealed class ReferenceCounters
{
    private readonly ConcurrentDictionary<int, YearCounter> _years = new();

    public YearCounter For(int year) => _years.GetOrAdd(year, _ => new YearCounter());

    internal sealed class YearCounter
    {
        public SemaphoreSlim Turn { get; } = new(1, 1);

        /// <summary>Creates waiting to be committed; whoever holds the turn commits them.</summary>
        public ConcurrentQueue<QueuedCreate> Pending { get; } = new();

        /// <summary>The counter row as last seen; null when unknown (read it); ETag default when the row does not exist.</summary>
        public CounterState? Known { get; set; }
    }

    internal readonly record struct CounterState(int LastSequence, ETag ETag)
    {
        public bool Exists => ETag != default;
    }
}
