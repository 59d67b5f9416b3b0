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

    /// <summary>RowKey prefix of idempotency markers; properties <see cref="ConcernId"/>, <see cref="Payload"/>, <see cref="KeyVersion"/>, <see cref="SchemaVersion"/>.</summary>
    public const string IdempotencyPrefix = "~idempotency-";

    public const string ConcernId = "ConcernId";

    /// <summary>The payload format of this code: JSON of <see cref="ConcernFacts"/>, padded.</summary>
    public const int CurrentSchemaVersion = 1;
}
