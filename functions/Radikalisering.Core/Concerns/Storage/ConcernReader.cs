using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;

namespace Radikalisering.Core.Concerns;

/// <summary>Reads the <c>Concerns</c> table: one concern, a page of a year, a year's facts for the statistics.</summary>
public sealed partial class ConcernReader(ConcernRows rows, ILogger<ConcernReader> logger) : IConcernReader
{
    /// <summary>The stored concern; null when there is none. Throws <see cref="UnreadableConcernException"/> for a damaged row.</summary>
    public async Task<StoredConcern?> GetAsync(int year, Guid id, CancellationToken cancellationToken)
    {
        var table = await rows.TableAsync(cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(
            ConcernRows.PartitionKeyOf(year), ConcernRows.RowKeyOf(id), cancellationToken: cancellationToken);
        if (!row.HasValue)
        {
            return null;
        }

        return await rows.TryReadAsync(row.Value!, cancellationToken)
            ?? throw new UnreadableConcernException(ConcernRows.Unreadable(row.Value!), row.Value!.ETag);
    }

    /// <summary>One page of a year's concerns. <paramref name="continuationToken"/> is the Table service's own token.</summary>
    public async Task<StoredPage> ListAsync(int year, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        var table = await rows.TableAsync(cancellationToken);
        await foreach (var page in QueryYear(table, year, pageSize, cancellationToken)
                           .AsPages(continuationToken, pageSize)
                           .WithCancellation(cancellationToken))
        {
            var items = new List<StoredConcern>(page.Values.Count);
            var unreadable = new List<UnreadableConcern>();
            foreach (var row in page.Values)
            {
                if (await rows.TryReadAsync(row, cancellationToken) is { } concern)
                {
                    items.Add(concern);
                }
                else
                {
                    unreadable.Add(ConcernRows.Unreadable(row));
                }
            }

            return new StoredPage(items, unreadable, string.IsNullOrEmpty(page.ContinuationToken) ? null : page.ContinuationToken);
        }

        return new StoredPage([], [], null);
    }

    /// <summary>
    /// The year's facts for the statistics. A damaged row makes the whole read fail, after the scan, with
    /// <see cref="UnreadableConcernException"/> naming how many rows are damaged: a statistic that silently
    /// left rows out would be wrong.
    /// </summary>
    public async IAsyncEnumerable<ConcernFacts> ReadYearAsync(int year, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await rows.TableAsync(cancellationToken);
        var unreadable = 0;
        await foreach (var row in QueryYear(table, year, 1000, cancellationToken))
        {
            if (await rows.TryReadAsync(row, cancellationToken) is { } concern)
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
            throw new UnreadableConcernException(year, unreadable);
        }
    }

    /// <summary>Whether the year holds at least one concern row (readable or not).</summary>
    public async Task<bool> HasConcernsAsync(int year, CancellationToken cancellationToken)
    {
        var table = await rows.TableAsync(cancellationToken);
        await foreach (var page in table.QueryAsync<TableEntity>(ConcernRows.YearFilter(year), 1, ["RowKey"], cancellationToken)
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

    private static AsyncPageable<TableEntity> QueryYear(TableClient table, int year, int pageSize, CancellationToken cancellationToken) =>
        table.QueryAsync<TableEntity>(ConcernRows.YearFilter(year), pageSize, cancellationToken: cancellationToken);

    [LoggerMessage(Level = LogLevel.Error, Message = "{RowCount} concern row(s) of {Year} cannot be read; the year's statistics are refused until they are repaired (SECURITY.md).")]
    private partial void LogYearUnreadable(int year, int rowCount);
}
