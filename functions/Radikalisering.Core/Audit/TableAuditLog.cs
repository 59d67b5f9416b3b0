using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Radikalisering.Core.Storage;

namespace Radikalisering.Core.Audit;

/// <summary>
/// The <c>AuditLog</c> table: PartitionKey <c>yyyyMM</c> (UTC), RowKey reverse ticks + GUID so a
/// partition lists newest first and two entries in the same tick never collide. The GUID is the
/// entry's operation id (<see cref="AuditEntry.Stamped"/>), which its trail record names too; only this entry
/// can own the row, so a 409 means an earlier attempt of the same write (an SDK retry after a lost
/// acknowledgement, or the request and the intent sweep both completing a change) already stored it.
/// Entries written while another write is under way go together in the next (<see cref="GroupCommit{T}"/>),
/// as one entity-group transaction per month.
/// </summary>
public sealed class TableAuditLog : IAuditLog, IDisposable
{
    /// <summary>The rows an entity-group transaction can hold.</summary>
    private const int MaximumRowsPerTransaction = 100;

    private readonly TableClientProvider _tables;
    private readonly IOptions<StorageOptions> _options;
    private readonly TimeProvider _time;
    private readonly GroupCommit<TableEntity> _writes;

    public TableAuditLog(TableClientProvider tables, IOptions<StorageOptions> options, TimeProvider time)
    {
        (_tables, _options, _time) = (tables, options, time);
        _writes = new(MaximumRowsPerTransaction, WriteRowsAsync);
    }

    public Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        var (operationId, occurredAt) = OperationOf(entry.Stamped(_time.GetUtcNow()));
        var row = new TableEntity(PartitionKeyOf(occurredAt), RowKeyOf(occurredAt, operationId))
        {
            [AuditLogColumns.Who] = entry.Who,
            [AuditLogColumns.Action] = entry.Action,
            [AuditLogColumns.SubjectId] = entry.SubjectId,
            [AuditLogColumns.Result] = entry.Result.ToString(),
            [AuditLogColumns.OccurredAt] = occurredAt,
        };
        return _writes.WriteAsync(row, cancellationToken);
    }

    public void Dispose() => _writes.Dispose();

    /// <summary>Whether the row of an entry with a fixed operation id and time is stored.</summary>
    public async Task<bool> ContainsAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        var (operationId, occurredAt) = OperationOf(entry);
        var table = await _tables.GetAsync(_options.Value.AuditLogTable, cancellationToken);
        var row = await table
            .GetEntityIfExistsAsync<TableEntity>(PartitionKeyOf(occurredAt), RowKeyOf(occurredAt, operationId), cancellationToken: cancellationToken);
        return row.HasValue;
    }

    /// <summary>The operation ids of the rows of events that happened from <paramref name="start"/> until before <paramref name="end"/>.</summary>
    public async Task<HashSet<Guid>> OperationIdsAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var table = await _tables.GetAsync(_options.Value.AuditLogTable, cancellationToken);
        var ids = new HashSet<Guid>();
        for (var month = new DateTimeOffset(start.Year, start.Month, 1, 0, 0, 0, TimeSpan.Zero); month < end; month = month.AddMonths(1))
        {
            // A key range: RowKeys from after the last of end's tick ('.' follows '-') to the last of start's, newest first.
            var filter = TableClient.CreateQueryFilter(
                $"PartitionKey eq {PartitionKeyOf(month)} and RowKey gt {ReverseTicksOf(end) + "."} and RowKey lt {ReverseTicksOf(start) + "."}");
            await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
            {
                ids.Add(Guid.ParseExact(row.RowKey[(row.RowKey.IndexOf('-', StringComparison.Ordinal) + 1)..], "N"));
            }
        }

        return ids;
    }

    private static (Guid OperationId, DateTimeOffset OccurredAt) OperationOf(AuditEntry entry) =>
        entry is { OperationId: { } operationId, OccurredAt: { } occurredAt }
            ? (operationId, occurredAt)
            : throw new ArgumentException("Only an entry with an operation id and a time has a known row.", nameof(entry));

    private async Task WriteRowsAsync(IReadOnlyList<TableEntity> rows)
    {
        var table = await _tables.GetAsync(_options.Value.AuditLogTable, CancellationToken.None);
        // One entry written twice at once (by its request and the intent sweep) is one row, which a transaction takes once.
        foreach (var month in rows.DistinctBy(row => row.RowKey).GroupBy(row => row.PartitionKey))
        {
            if (month.Count() == 1)
            {
                await AddAsync(table, month.First());
                continue;
            }

            try
            {
                await table.SubmitTransactionAsync(month.Select(row => new TableTransactionAction(TableTransactionActionType.Add, row)));
            }
            catch (RequestFailedException exception) when (exception.Status is >= 400 and < 500)
            {
                // A row refused (most often one stored already, see above) refuses the whole transaction: each row
                // then goes on its own, so each entry meets its own fate.
                foreach (var row in month)
                {
                    await AddAsync(table, row);
                }
            }
        }
    }

    /// <summary>Adds the row; a row there already (409) was stored by an earlier attempt of this very entry, so the write is done.</summary>
    private static async Task AddAsync(TableClient table, TableEntity row) => await table.TryAddEntityAsync(row, CancellationToken.None);

    private static string PartitionKeyOf(DateTimeOffset occurredAt) => occurredAt.ToString("yyyyMM", CultureInfo.InvariantCulture);

    private static string RowKeyOf(DateTimeOffset occurredAt, Guid operationId) => $"{ReverseTicksOf(occurredAt)}-{operationId:N}";

    private static string ReverseTicksOf(DateTimeOffset occurredAt) =>
        (DateTimeOffset.MaxValue.UtcTicks - occurredAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
}
