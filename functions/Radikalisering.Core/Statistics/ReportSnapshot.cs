using Azure;

namespace Radikalisering.Core.Statistics;

/// <summary>
/// A year's published statistics as stored in <c>ReportSnapshots</c> (PartitionKey <c>annual</c>,
/// RowKey the year). Holds only figures that passed disclosure control; raw counts never leave
/// the encrypted <c>Concerns</c> table.
/// </summary>
public sealed record ReportSnapshot(
    int Year,
    ReportStatus Status,
    IReadOnlyList<SnapshotTable> Tables,
    bool WholePublicationSuppressed,
    string Method,
    int Threshold,
    DateTimeOffset CompiledAt,
    DateTimeOffset? SendingStartedAt,
    DateTimeOffset? SentAt,
    ETag ETag)
{
    /// <summary>
    /// Who mailed it: the operator's Entra object id, or <c>system</c> for the queue trigger. <c>null</c> until
    /// sent, and for snapshots sent before it was stored (their <c>report.send</c> audit cannot be completed).
    /// </summary>
    public string? SentBy { get; init; }

    /// <summary>
    /// The last three years together, when the year withheld figures and the two years before it have snapshots;
    /// <c>null</c> when nothing was pooled (also for snapshots stored before pooling existed).
    /// </summary>
    public PooledSnapshot? Pooled { get; init; }

    /// <summary>The grand total, or <c>null</c> when it is not published (suppressed or no total table).</summary>
    public long? Total =>
        Tables.FirstOrDefault(table => table.Dimensions.Count == 0)?.Cells.SingleOrDefault()?.Value;
}
