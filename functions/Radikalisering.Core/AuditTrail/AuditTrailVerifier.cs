using Radikalisering.Core.Audit;

namespace Radikalisering.Core.AuditTrail;

/// <summary>
/// Checks the trail's blobs of a period of days, blob by blob in name order and each from its first
/// line: format, the record's hash, the link to the record before it, its number. Stops at the first
/// broken link. Then holds the events of the period (by when they happened) against the <c>AuditLog</c> table,
/// by operation id: an event in the trail more than once (a duplicate), a row with no record (missing from the
/// trail) and a record with no row (missing from the table). A change the intent sweep completed is appended
/// later than its day, so the day after the period is read for those too. Records written before trail records
/// carried an operation id are checked for their links only.
/// What it cannot see is a whole blob deleted or lines cut off at a blob's end: the container's immutability
/// policy is what rules those out (and such a loss shows as rows missing from the trail).
/// </summary>
public sealed class AuditTrailVerifier(AuditTrailReader trail, TableAuditLog auditLog)
{
    public async Task<VerificationResult> VerifyAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var blobCount = 0;
        long records = 0;
        var events = new List<AuditTrailRecord>();
        await foreach (var (name, content) in trail.BlobsAsync(from, to, cancellationToken))
        {
            blobCount++;
            var (count, broken) = VerifyBlob(name, content);
            records += count;
            if (broken is not null)
            {
                return new VerificationResult(from, to, blobCount, records, broken);
            }

            events.AddRange(AuditTrailReader.RecordsOf(content));
        }

        events.AddRange(await trail.RecordsAsync(to.AddDays(1), to.AddDays(1), cancellationToken));
        var (start, end) = (StartOf(from), StartOf(to.AddDays(1)));
        var inTrail = events
            .Where(record => record.Op is not null && record.At >= start && record.At < end)
            .Select(record => record.Op!.Value)
            .ToList();
        var inTable = await auditLog.OperationIdsAsync(start, end, cancellationToken);
        var trailed = inTrail.ToHashSet();
        return new VerificationResult(from, to, blobCount, records, null)
        {
            Duplicates = [.. inTrail.GroupBy(id => id).Where(group => group.Count() > 1).Select(group => group.Key).Order()],
            MissingFromTrail = [.. inTable.Where(id => !trailed.Contains(id)).Order()],
            MissingFromAuditLog = [.. trailed.Where(id => !inTable.Contains(id)).Order()],
        };
    }

    /// <summary>The number of intact records of one blob and the first broken link, if any.</summary>
    public static (long Records, BrokenLink? Broken) VerifyBlob(string blobName, string content)
    {
        var lines = content.Split('\n');
        var expectedPrevious = AuditChain.GenesisHash(blobName);
        long intact = 0;
        for (var index = 0; index < lines.Length - 1; index++)
        {
            var lineNumber = index + 1;
            if (Check(lines[index], expectedPrevious, intact + 1) is { } reason)
            {
                return (intact, new BrokenLink(blobName, lineNumber, reason));
            }

            expectedPrevious = AuditChain.Parse(lines[index])!.Value.StatedHash;
            intact++;
        }

        return lines[^1].Length == 0
            ? (intact, null)
            : (intact, new BrokenLink(blobName, lines.Length, BrokenLinkReasons.Truncated));
    }

    private static string? Check(string line, string expectedPrevious, long expectedSeq)
    {
        if (AuditChain.Parse(line) is not { } parsed)
        {
            return BrokenLinkReasons.Malformed;
        }

        if (AuditChain.Hash(parsed.Json) != parsed.StatedHash)
        {
            return BrokenLinkReasons.HashMismatch;
        }

        if (parsed.Record.Prev != expectedPrevious)
        {
            return BrokenLinkReasons.PreviousHashMismatch;
        }

        return parsed.Record.Seq == expectedSeq ? null : BrokenLinkReasons.SequenceMismatch;
    }

    private static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
