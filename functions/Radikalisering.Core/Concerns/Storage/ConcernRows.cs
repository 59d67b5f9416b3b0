using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Radikalisering.Core.Encryption;
using Radikalisering.Core.Http;
using Radikalisering.Core.Storage;

namespace Radikalisering.Core.Concerns;

/// <summary>
/// The <c>Concerns</c> table's client, its keys and the sealing and opening of its rows, shared by
/// <see cref="ConcernCreator"/>, <see cref="ConcernReader"/>, <see cref="ConcernChanger"/> and <see cref="ConcernMaintenance"/>,
/// the only code that touches the table. A damaged row reads as null (logged as an integrity alert);
/// unavailability (storage, Key Vault) still throws.
/// </summary>
public sealed partial class ConcernRows(
    TableClientProvider tables,
    IOptions<StorageOptions> options,
    PayloadCipher cipher,
    ILogger<ConcernRows> logger)
{
    private const int OutcomeChecks = 3;

    private string TableName => options.Value.ConcernsTable;

    public static string PartitionKeyOf(int year) => year.ToString("D4", CultureInfo.InvariantCulture);

    public static string FormatReference(int year, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{sequence:D4}");

    internal static string RowKeyOf(Guid id) => id.ToString("D");

    /// <summary>A year's concern rows, without the bookkeeping rows that share the partition.</summary>
    internal static string YearFilter(int year) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {PartitionKeyOf(year)} and RowKey lt {ConcernColumns.BookkeepingPrefix}");

    internal static TableEntity MarkerRow(string partition, string keyRowKey, Guid concernId) =>
        new(partition, keyRowKey) { [ConcernColumns.ConcernId] = RowKeyOf(concernId) };

    internal static UnreadableConcern Unreadable(TableEntity row) =>
        new(row.RowKey, row.GetString(ConcernColumns.Reference) ?? "");

    internal Task<TableClient> TableAsync(CancellationToken cancellationToken) => tables.GetAsync(TableName, cancellationToken);

    internal Task<string> CurrentKeyVersionAsync(CancellationToken cancellationToken) => cipher.CurrentKeyVersionAsync(cancellationToken);

    /// <summary>
    /// Asks whether a change whose transaction failed committed, until storage answers: <see cref="OutcomeChecks"/>
    /// times, each with the clients' own retries (<see cref="RetryBudget"/>), so an outage of a few seconds is waited
    /// out. A change that may have committed is never answered 503 (which tells the client it did not happen):
    /// when storage never answers, <see cref="CommitOutcomeUnknownException"/> (a 500 with a correlation id).
    /// </summary>
    internal static async Task<T> ResolveOutcomeAsync<T>(Func<Task<T>> check)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await check();
            }
            catch (Exception exception) when (ApiFailures.IsUnavailability(exception))
            {
                if (attempt == OutcomeChecks)
                {
                    throw new CommitOutcomeUnknownException(exception);
                }

                await Task.Delay(RetryBudget.MaxDelay); // storage's time, as the clients' own retries: not the app's clock
            }
        }
    }

    internal async Task<TableEntity> ToEntityAsync(StoredConcern concern, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(PartitionKeyOf(concern.Year), RowKeyOf(concern.Id))
        {
            [ConcernColumns.Reference] = concern.Reference,
        };
        var record = new ConcernRecord(concern.Facts, concern.CreatedAt, concern.UpdatedAt);
        await SealIntoAsync(entity, PaddedJson.Serialize(record), ConcernColumns.CurrentSchemaVersion, cancellationToken);
        return entity;
    }

    internal async Task SealIntoAsync(TableEntity entity, byte[] plaintext, int schemaVersion, CancellationToken cancellationToken)
    {
        var binding = new PayloadBinding(TableName, entity.PartitionKey, entity.RowKey, schemaVersion);
        var sealedPayload = await cipher.SealAsync(plaintext, binding, cancellationToken);
        entity[ConcernColumns.Payload] = sealedPayload.Payload;
        entity[ConcernColumns.KeyVersion] = sealedPayload.KeyVersion;
        entity[ConcernColumns.SchemaVersion] = schemaVersion;
    }

    internal async Task<byte[]> OpenAsync(TableEntity entity, int schemaVersion, CancellationToken cancellationToken)
    {
        var sealedPayload = new SealedPayload(
            entity.GetBinary(ConcernColumns.Payload) ?? throw new InvalidDataException($"Row {entity.RowKey} has no payload."),
            entity.GetString(ConcernColumns.KeyVersion) ?? throw new InvalidDataException($"Row {entity.RowKey} has no key version."));
        var binding = new PayloadBinding(TableName, entity.PartitionKey, entity.RowKey, schemaVersion);
        return await cipher.OpenAsync(sealedPayload, binding, cancellationToken);
    }

    /// <summary>The payload of a bookkeeping row, or null when it cannot be read.</summary>
    internal async Task<T?> TryOpenAsync<T>(TableEntity entity, int schemaVersion, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return entity.GetInt32(ConcernColumns.SchemaVersion) == schemaVersion
                ? PaddedJson.Deserialize<T>(await OpenAsync(entity, schemaVersion, cancellationToken))
                : null;
        }
        catch (Exception exception) when (IsDamage(exception))
        {
            return null;
        }
    }

    /// <summary>The decrypted concern, or null (logged) when the row is damaged. Unavailability (storage, Key Vault) still throws.</summary>
    internal async Task<StoredConcern?> TryReadAsync(TableEntity entity, CancellationToken cancellationToken)
    {
        try
        {
            var id = Guid.ParseExact(entity.RowKey, "D");
            var year = int.Parse(entity.PartitionKey, NumberStyles.None, CultureInfo.InvariantCulture);
            var reference = entity.GetString(ConcernColumns.Reference) ?? throw new InvalidDataException("The row has no reference.");
            var record = entity.GetInt32(ConcernColumns.SchemaVersion) switch
            {
                ConcernColumns.CurrentSchemaVersion => PaddedJson.Deserialize<ConcernRecord>(
                    await OpenAsync(entity, ConcernColumns.CurrentSchemaVersion, cancellationToken)),
                ConcernColumns.PlaintextTimesSchemaVersion => new ConcernRecord(
                    PaddedJson.Deserialize<ConcernFacts>(
                        await OpenAsync(entity, ConcernColumns.PlaintextTimesSchemaVersion, cancellationToken)),
                    entity.GetDateTimeOffset(ConcernColumns.CreatedAt) ?? default,
                    entity.GetDateTimeOffset(ConcernColumns.UpdatedAt) ?? default),
                var other => throw new InvalidDataException($"Payload schema version {other} is not one this code reads."),
            };
            return record.Facts.ReceivedOn.Year == year
                ? new StoredConcern(id, year, reference, record.Facts, record.CreatedAt, record.UpdatedAt, entity.ETag)
                : throw new InvalidDataException("The payload's year is not the row's partition.");
        }
        catch (Exception exception) when (IsDamage(exception))
        {
            LogRowUnreadable(entity.PartitionKey, entity.RowKey, exception.GetType().Name);
            return null;
        }
    }

    private static bool IsDamage(Exception exception) =>
        exception is CryptographicException or InvalidDataException or JsonException or FormatException or OverflowException
            or UnknownKeyVersionException;

    [LoggerMessage(Level = LogLevel.Error, Message = "Integrity alert: concern row {PartitionKey}/{RowKey} cannot be read ({Reason}).")]
    private partial void LogRowUnreadable(string partitionKey, string rowKey, string reason);
}
