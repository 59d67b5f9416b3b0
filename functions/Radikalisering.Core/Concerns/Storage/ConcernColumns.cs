namespace Radikalisering.Core.Concerns;

/// <summary>
/// The <c>Concerns</c> table (docs/design.md, Data): PartitionKey = year received, RowKey = random GUID, and
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

    /// <summary>
    /// RowKey prefix of idempotency markers (in the year partition, written with the concern; property
    /// <see cref="ConcernId"/>; until the intent sweep completes it, also the create's audit intent) and of the key bindings.
    /// </summary>
    public const string IdempotencyPrefix = "~idempotency-";

    /// <summary>The end of the <see cref="IdempotencyPrefix"/> range ('.' is the next character after '-').</summary>
    public const string IdempotencyPrefixEnd = "~idempotency.";

    public const string ConcernId = "ConcernId";

    /// <summary>
    /// Partition binding each idempotency key (RowKey = its marker RowKey) to its first request (sealed
    /// payload), the concern id it creates and the request's <see cref="Year"/>: a key reused with another body,
    /// of any year, is caught though its marker lives in the year partition. Not a year, so no listing or
    /// statistic reads it; retention removes a year's bindings by <see cref="Year"/>.
    /// </summary>
    public const string IdempotencyKeyYearsPartition = "~idempotency";

    public const string Year = "Year";

    /// <summary>The payload format this code writes: JSON of <see cref="ConcernRecord"/> (facts and times), padded; no time columns.</summary>
    public const int CurrentSchemaVersion = 2;

    /// <summary>The first payload format, still read: JSON of <see cref="ConcernFacts"/>, with <see cref="CreatedAt"/> and <see cref="UpdatedAt"/> as plaintext columns.</summary>
    public const int PlaintextTimesSchemaVersion = 1;
}
