using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Radikalisering.Core.Encryption;
using Radikalisering.Core.Storage;

namespace Radikalisering.Core.Concerns;

/// <summary>
/// The encrypted <c>Concerns</c> table. A create is one table transaction in the year's partition:
/// bump the per-year counter (ETag-guarded), add the concern, add the idempotency marker, so a
/// reference is never handed out twice or skipped, and a retried request never records twice.
/// </summary>
public sealed class ConcernStore(
    TableClientProvider tables,
    IOptions<StorageOptions> options,
    PayloadCipher cipher,
    TimeProvider time) : IConcernReader
{
    private const int MaximumCreateAttempts = 100;

    private string TableName => options.Value.ConcernsTable;

    public async Task<ConcernCreation> CreateAsync(ConcernFacts facts, string? idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var table = await TableAsync(cancellationToken).ConfigureAwait(false);
        var year = facts.ReceivedOn.Year;
        var markerRowKey = idempotencyKey is null ? null : MarkerRowKey(idempotencyKey);
        if (markerRowKey is not null && !await BindKeyToYearAsync(table, markerRowKey, year, cancellationToken).ConfigureAwait(false))
        {
            return new ConcernCreation(ConcernCreationStatus.KeyReusedForDifferentRequest, null);
        }

        for (var attempt = 1; attempt <= MaximumCreateAttempts; attempt++)
        {
            if (markerRowKey is not null
                && await TryReplayAsync(table, year, markerRowKey, facts, cancellationToken).ConfigureAwait(false) is { } replay)
            {
                return replay;
            }

            if (await TryAddAsync(table, facts, markerRowKey, cancellationToken).ConfigureAwait(false) is { } created)
            {
                return new ConcernCreation(ConcernCreationStatus.Created, created);
            }

            // Another create took the counter (or this key's marker) first: back off a little, re-read, try again.
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 5 + (10 * Math.Min(attempt, 10)))), cancellationToken)
                .ConfigureAwait(false);
        }

        throw new InvalidOperationException($"No reference could be allocated in {MaximumCreateAttempts} attempts: too much contention.");
    }

    public async Task<StoredConcern?> GetAsync(int year, Guid id, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken).ConfigureAwait(false);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(
            PartitionKeyOf(year), RowKeyOf(id), cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue ? await ToStoredAsync(row.Value!, cancellationToken).ConfigureAwait(false) : null;
    }

    /// <summary>One page of a year's concerns. <paramref name="continuationToken"/> is the Table service's own token.</summary>
    public async Task<(IReadOnlyList<StoredConcern> Items, string? ContinuationToken)> ListAsync(
        int year,
        int pageSize,
        string? continuationToken,
        CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var page in QueryYear(table, year, pageSize, cancellationToken)
                           .AsPages(continuationToken, pageSize)
                           .WithCancellation(cancellationToken)
                           .ConfigureAwait(false))
        {
            var items = new List<StoredConcern>(page.Values.Count);
            foreach (var row in page.Values)
            {
                items.Add(await ToStoredAsync(row, cancellationToken).ConfigureAwait(false));
            }

            return (items, string.IsNullOrEmpty(page.ContinuationToken) ? null : page.ContinuationToken);
        }

        return ([], null);
    }

    public async IAsyncEnumerable<ConcernFacts> ReadYearAsync(int year, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var row in QueryYear(table, year, 1000, cancellationToken).ConfigureAwait(false))
        {
            yield return (await ToStoredAsync(row, cancellationToken).ConfigureAwait(false)).Facts;
        }
    }

    /// <summary>Replaces the facts (re-encrypted under the current key with a fresh nonce) if the row still has <paramref name="ifMatch"/>.</summary>
    public async Task<ConcernWrite> UpdateAsync(StoredConcern current, ConcernFacts facts, ETag ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(facts);
        var table = await TableAsync(cancellationToken).ConfigureAwait(false);
        var updated = current with { Facts = facts, UpdatedAt = time.GetUtcNow() };
        try
        {
            var response = await table.UpdateEntityAsync(
                await ToEntityAsync(updated, cancellationToken).ConfigureAwait(false),
                ifMatch,
                TableUpdateMode.Replace,
                cancellationToken).ConfigureAwait(false);
            return new ConcernWrite(ConcernWriteStatus.Done, updated with { ETag = response.Headers.ETag ?? default });
        }
        catch (RequestFailedException exception) when (exception.Status == 412)
        {
            return new ConcernWrite(ConcernWriteStatus.PreconditionFailed);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return new ConcernWrite(ConcernWriteStatus.NotFound);
        }
    }

    public async Task<ConcernWrite> DeleteAsync(int year, Guid id, ETag ifMatch, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var response = await table.DeleteEntityAsync(PartitionKeyOf(year), RowKeyOf(id), ifMatch, cancellationToken)
                .ConfigureAwait(false);
            return new ConcernWrite(response.Status == 404 ? ConcernWriteStatus.NotFound : ConcernWriteStatus.Done);
        }
        catch (RequestFailedException exception) when (exception.Status == 412)
        {
            return new ConcernWrite(ConcernWriteStatus.PreconditionFailed);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return new ConcernWrite(ConcernWriteStatus.NotFound);
        }
    }

    /// <summary>
    /// Re-seals every row (concerns and idempotency markers) whose payload is under an older key version
    /// with the current key, in place and ETag-guarded; content and <c>UpdatedAt</c> stay as they are.
    /// A row changed meanwhile is skipped: its writer sealed it under the current key already.
    /// </summary>
    public async Task<Reencryption> ReencryptAsync(CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken).ConfigureAwait(false);
        var current = await cipher.CurrentKeyVersionAsync(cancellationToken).ConfigureAwait(false);
        var moved = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            // A full scan either way (KeyVersion is not a key); filtered here, which every Table endpoint supports alike.
            if (row.GetString(ConcernColumns.KeyVersion) is not { } version || version == current)
            {
                continue;
            }

            await SealIntoAsync(row, await OpenAsync(row, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            try
            {
                await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                moved++;
            }
            catch (RequestFailedException exception) when (exception.Status is 404 or 412)
            {
                // Updated or deleted since it was read; an update sealed it under the current key.
            }
        }

        return new Reencryption(current, moved);
    }

    public static string PartitionKeyOf(int year) => year.ToString("D4", CultureInfo.InvariantCulture);

    public static string FormatReference(int year, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{sequence:D4}");

    private static string RowKeyOf(Guid id) => id.ToString("D");

    /// <summary>Keys are client-chosen text; the RowKey holds their SHA-256, which is safe in any RowKey.</summary>
    private static string MarkerRowKey(string idempotencyKey) =>
        ConcernColumns.IdempotencyPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)));

    private static AsyncPageable<TableEntity> QueryYear(TableClient table, int year, int pageSize, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {PartitionKeyOf(year)} and RowKey lt {ConcernColumns.BookkeepingPrefix}");
        return table.QueryAsync<TableEntity>(filter, pageSize, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// One attempt at the create transaction: the next reference from the year's counter (ETag-guarded),
    /// the concern and, with a key, its marker. The concern as stored, with its new ETag; null when another
    /// create won the counter or the marker.
    /// </summary>
    private async Task<StoredConcern?> TryAddAsync(TableClient table, ConcernFacts facts, string? markerRowKey, CancellationToken cancellationToken)
    {
        var year = facts.ReceivedOn.Year;
        var partition = PartitionKeyOf(year);
        var counter = await table.GetEntityIfExistsAsync<TableEntity>(
            partition, ConcernColumns.CounterRowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        var sequence = (counter.HasValue ? counter.Value!.GetInt32(ConcernColumns.LastSequence) ?? 0 : 0) + 1;
        var now = time.GetUtcNow();
        var concern = new StoredConcern(Guid.NewGuid(), year, FormatReference(year, sequence), facts, now, now, default);

        var counterRow = new TableEntity(partition, ConcernColumns.CounterRowKey) { [ConcernColumns.LastSequence] = sequence };
        var actions = new List<TableTransactionAction>
        {
            counter.HasValue
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, counterRow, counter.Value!.ETag)
                : new TableTransactionAction(TableTransactionActionType.Add, counterRow),
            new(TableTransactionActionType.Add, await ToEntityAsync(concern, cancellationToken).ConfigureAwait(false)),
        };
        if (markerRowKey is not null)
        {
            actions.Add(new(TableTransactionActionType.Add, await MarkerAsync(partition, markerRowKey, concern, cancellationToken).ConfigureAwait(false)));
        }

        try
        {
            var responses = await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            const int concernAction = 1;
            return concern with
            {
                ETag = responses.Value[concernAction].Headers.ETag
                    ?? throw new InvalidOperationException("The table service returned no ETag for a concern it stored."),
            };
        }
        catch (TableTransactionFailedException exception) when (exception.Status is 409 or 412)
        {
            return null;
        }
    }

    /// <summary>True if the key is new or was first used for the same year.</summary>
    private static async Task<bool> BindKeyToYearAsync(TableClient table, string markerRowKey, int year, CancellationToken cancellationToken)
    {
        try
        {
            await table.AddEntityAsync(
                new TableEntity(ConcernColumns.IdempotencyKeyYearsPartition, markerRowKey) { [ConcernColumns.Year] = year },
                cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            var binding = await table.GetEntityAsync<TableEntity>(
                ConcernColumns.IdempotencyKeyYearsPartition, markerRowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            return binding.Value.GetInt32(ConcernColumns.Year) == year;
        }
    }

    private async Task<ConcernCreation?> TryReplayAsync(
        TableClient table,
        int year,
        string markerRowKey,
        ConcernFacts requested,
        CancellationToken cancellationToken)
    {
        var partition = PartitionKeyOf(year);
        var marker = await table.GetEntityIfExistsAsync<TableEntity>(partition, markerRowKey, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        if (!marker.HasValue)
        {
            return null;
        }

        var remembered = PaddedJson.Deserialize<IdempotentRequest>(
            await OpenAsync(marker.Value!, cancellationToken).ConfigureAwait(false));
        if (remembered != IdempotentRequest.Of(requested))
        {
            return new ConcernCreation(ConcernCreationStatus.KeyReusedForDifferentRequest, null);
        }

        var concernId = Guid.Parse(marker.Value!.GetString(ConcernColumns.ConcernId), CultureInfo.InvariantCulture);
        var original = await GetAsync(year, concernId, cancellationToken).ConfigureAwait(false);
        return original is null
            ? new ConcernCreation(ConcernCreationStatus.OriginalDeleted, null)
            : new ConcernCreation(ConcernCreationStatus.Replayed, original);
    }

    private async Task<TableEntity> MarkerAsync(string partition, string markerRowKey, StoredConcern concern, CancellationToken cancellationToken)
    {
        var marker = new TableEntity(partition, markerRowKey)
        {
            [ConcernColumns.ConcernId] = RowKeyOf(concern.Id),
            [ConcernColumns.CreatedAt] = concern.CreatedAt,
        };
        await SealIntoAsync(marker, PaddedJson.Serialize(IdempotentRequest.Of(concern.Facts)), cancellationToken).ConfigureAwait(false);
        return marker;
    }

    private async Task<TableEntity> ToEntityAsync(StoredConcern concern, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(PartitionKeyOf(concern.Year), RowKeyOf(concern.Id))
        {
            [ConcernColumns.Reference] = concern.Reference,
            [ConcernColumns.CreatedAt] = concern.CreatedAt,
            [ConcernColumns.UpdatedAt] = concern.UpdatedAt,
        };
        await SealIntoAsync(entity, PaddedJson.Serialize(concern.Facts), cancellationToken).ConfigureAwait(false);
        return entity;
    }

    private async Task SealIntoAsync(TableEntity entity, byte[] plaintext, CancellationToken cancellationToken)
    {
        var binding = new PayloadBinding(TableName, entity.PartitionKey, entity.RowKey, ConcernColumns.CurrentSchemaVersion);
        var sealedPayload = await cipher.SealAsync(plaintext, binding, cancellationToken).ConfigureAwait(false);
        entity[ConcernColumns.Payload] = sealedPayload.Payload;
        entity[ConcernColumns.KeyVersion] = sealedPayload.KeyVersion;
        entity[ConcernColumns.SchemaVersion] = ConcernColumns.CurrentSchemaVersion;
    }

    private async Task<byte[]> OpenAsync(TableEntity entity, CancellationToken cancellationToken)
    {
        var schemaVersion = entity.GetInt32(ConcernColumns.SchemaVersion);
        if (schemaVersion != ConcernColumns.CurrentSchemaVersion)
        {
            throw new InvalidDataException(
                $"Row {entity.PartitionKey}/{entity.RowKey} has payload schema version {schemaVersion}; this code reads {ConcernColumns.CurrentSchemaVersion}.");
        }

        var sealedPayload = new SealedPayload(
            entity.GetBinary(ConcernColumns.Payload) ?? throw new InvalidDataException($"Row {entity.RowKey} has no payload."),
            entity.GetString(ConcernColumns.KeyVersion) ?? throw new InvalidDataException($"Row {entity.RowKey} has no key version."));
        var binding = new PayloadBinding(TableName, entity.PartitionKey, entity.RowKey, schemaVersion.Value);
        return await cipher.OpenAsync(sealedPayload, binding, cancellationToken).ConfigureAwait(false);
    }

    private async Task<StoredConcern> ToStoredAsync(TableEntity entity, CancellationToken cancellationToken)
    {
        var facts = PaddedJson.Deserialize<ConcernFacts>(await OpenAsync(entity, cancellationToken).ConfigureAwait(false));
        return new StoredConcern(
            Guid.Parse(entity.RowKey, CultureInfo.InvariantCulture),
            int.Parse(entity.PartitionKey, NumberStyles.None, CultureInfo.InvariantCulture),
            entity.GetString(ConcernColumns.Reference) ?? "",
            facts,
            entity.GetDateTimeOffset(ConcernColumns.CreatedAt) ?? default,
            entity.GetDateTimeOffset(ConcernColumns.UpdatedAt) ?? default,
            entity.ETag);
    }

    private Task<TableClient> TableAsync(CancellationToken cancellationToken) => tables.GetAsync(TableName, cancellationToken);
}
