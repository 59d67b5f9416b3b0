using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;

namespace Radikalisering.Core.Concerns;

/// <summary>
/// Binds each <c>Idempotency-Key</c> to one request and one concern id, in the
/// <see cref="ConcernColumns.IdempotencyKeyYearsPartition"/> partition (RowKey: the key's SHA-256), with the
/// request sealed like a concern and its year in plaintext so retention can remove it with the year.
/// The first request to bind a key creates the concern under the bound id; a retry adopts the same id, so
/// whatever happened to the first, the key stands for one concern only.
/// </summary>
internal static class IdempotencyBindings
{
    /// <summary>The payload format of a binding: JSON of <see cref="IdempotentRequest"/>, padded.</summary>
    public const int SchemaVersion = 1;

    public const string Partition = ConcernColumns.IdempotencyKeyYearsPartition;

    /// <summary>Keys are client-chosen text; RowKeys hold their SHA-256, which is safe in any RowKey.</summary>
    public static string RowKeyOf(string idempotencyKey) =>
        ConcernColumns.IdempotencyPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)));

    public static TableEntity Row(string rowKey, int year, Guid concernId) => new(Partition, rowKey)
    {
        [ConcernColumns.Year] = year,
        [ConcernColumns.ConcernId] = concernId.ToString("D"),
    };

    public static Guid? ConcernIdOf(TableEntity row) =>
        Guid.TryParseExact(row.GetString(ConcernColumns.ConcernId), "D", out var id) ? id : null;

    /// <summary>Removes the bindings of keys first used in <paramref name="year"/>.</summary>
    public static async Task DeleteYearAsync(TableClient table, int year, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and Year eq {year}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            await DeleteAsync(table, row.RowKey, cancellationToken);
        }
    }

    /// <summary>Deletes a binding; one already gone is fine.</summary>
    public static Task DeleteAsync(TableClient table, string rowKey, CancellationToken cancellationToken) =>
        table.DeleteEntityAsync(Partition, rowKey, ETag.All, cancellationToken);
}
