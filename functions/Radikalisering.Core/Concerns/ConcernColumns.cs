namespace Radikalisering.Core.Concerns;

/// <summary>
/// The <c>Concerns</c> table (DESIGN.md §4): PartitionKey = year received, RowKey = random GUID, and
/// these properties. The same partition also holds bookkeeping rows whose RowKeys start with
/// <see cref="BookkeepingPrefix"/> ('~' sorts after every GUID character), so a range query on
/// RowKey &lt; '~' lists concerns only.
/// </summary>
public static class ConcernColumns
{
    public const string Reference = "Reference";
    public const string Payload = "Payload";
    public const string KeyVersion = "KeyVersion";
    public const string SchemaVersion = "SchemaVersion";
    public const string CreatedAt = "CreatedAt";
    public const string UpdatedAt = "UpdatedAt";

    public const string BookkeepingPrefix = "~";

    /// <summary>RowKey of the per-year reference counter; property <see cref="LastSequence"/>.</summary>
    public const string CounterRowKey = "~counter";

    public const string LastSequence = "LastSequence";

    /// <summary>RowKey prefix of idempotency markers (in the year partition, written with the concern); properties <see cref="ConcernId"/>, <see cref="Payload"/>, <see cref="KeyVersion"/>, <see cref="SchemaVersion"/>.</summary>
    public const string IdempotencyPrefix = "~idempotency-";

    public const string ConcernId = "ConcernId";

    /// <summary>
    /// Partition binding each idempotency key (RowKey = its marker RowKey) to the year of its first request,
    /// property <see cref="Year"/>: a key reused with a body of another year is caught though its marker
    /// lives in another partition. Not a year, so no listing or statistic reads it; it holds no payload.
    /// </summary>
    public const string IdempotencyKeyYearsPartition = "~idempotency";

    public const string Year = "Year";

    /// <summary>The payload format of this code: JSON of <see cref="ConcernFacts"/>, padded.</summary>
    public const int CurrentSchemaVersion = 1;
}
