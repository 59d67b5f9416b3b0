using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Radikalisering.Core.Storage;

namespace Radikalisering.Core.Statistics;

/// <summary>
/// The <c>ReportSnapshots</c> table. Every write is conditional: adds fail if the year exists,
/// replacements carry the ETag they were read with, so concurrent runs cannot overwrite each other.
/// </summary>
public sealed class ReportSnapshotStore(TableClientProvider tables, IOptions<StorageOptions> options)
{
    public const string PartitionKey = "annual";

    private static readonly JsonSerializerOptions TablesJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public async Task<ReportSnapshot?> GetAsync(int year, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        var response = await table
            .GetEntityIfExistsAsync<TableEntity>(PartitionKey, RowKeyOf(year), cancellationToken: cancellationToken);
        return response.HasValue ? FromEntity(response.Value!) : null;
    }

    /// <summary>The snapshots of the years <paramref name="fromYear"/> to <paramref name="toYear"/>, oldest first.</summary>
    public async Task<IReadOnlyList<ReportSnapshot>> GetRangeAsync(int fromYear, int toYear, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {PartitionKey} and RowKey ge {RowKeyOf(fromYear)} and RowKey le {RowKeyOf(toYear)}");
        return await QueryAsync(filter, cancellationToken);
    }

    public async Task<IReadOnlyList<ReportSnapshot>> GetSentAsync(CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {PartitionKey} and Status eq {nameof(ReportStatus.Sent)}");
        return await QueryAsync(filter, cancellationToken);
    }

    /// <summary>Adds a new year's snapshot; <c>null</c> if another run added that year first.</summary>
    public async Task<ReportSnapshot?> TryAddAsync(ReportSnapshot snapshot, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        return await table.TryAddEntityAsync(ToEntity(snapshot), cancellationToken) is { } response
            ? snapshot with { ETag = response.Headers.ETag ?? throw new InvalidOperationException("No ETag returned.") }
            : null;
    }

    /// <summary>Replaces the snapshot if it is unchanged since it was read (its ETag); <c>null</c> if it was changed.</summary>
    public async Task<ReportSnapshot?> TryReplaceAsync(ReportSnapshot snapshot, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        try
        {
            var response = await table
                .UpdateEntityAsync(ToEntity(snapshot), snapshot.ETag, TableUpdateMode.Replace, cancellationToken);
            return snapshot with { ETag = response.Headers.ETag ?? throw new InvalidOperationException("No ETag returned.") };
        }
        catch (RequestFailedException exception) when (exception.Status is 412 or 404)
        {
            return null;
        }
    }

    private async Task<IReadOnlyList<ReportSnapshot>> QueryAsync(string filter, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        var snapshots = new List<ReportSnapshot>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            snapshots.Add(FromEntity(entity));
        }

        return snapshots.OrderBy(snapshot => snapshot.Year).ToList();
    }

    private Task<TableClient> TableAsync(CancellationToken cancellationToken) =>
        tables.GetAsync(options.Value.ReportSnapshotsTable, cancellationToken);

    private static string RowKeyOf(int year) => year.ToString("D4", CultureInfo.InvariantCulture);

    private static TableEntity ToEntity(ReportSnapshot snapshot) => new(PartitionKey, RowKeyOf(snapshot.Year))
    {
        ["Status"] = snapshot.Status.ToString(),
        ["Tables"] = JsonSerializer.Serialize(snapshot.Tables, TablesJson),
        ["WholePublicationSuppressed"] = snapshot.WholePublicationSuppressed,
        ["Method"] = snapshot.Method,
        ["Threshold"] = snapshot.Threshold,
        ["CompiledAt"] = snapshot.CompiledAt,
        ["SendingStartedAt"] = snapshot.SendingStartedAt,
        ["SentAt"] = snapshot.SentAt,
        ["SentBy"] = snapshot.SentBy,
        ["Pooled"] = snapshot.Pooled is null ? null : JsonSerializer.Serialize(snapshot.Pooled, TablesJson),
    };

    private static ReportSnapshot FromEntity(TableEntity entity) => new(
        Year: int.Parse(entity.RowKey, CultureInfo.InvariantCulture),
        Status: Enum.Parse<ReportStatus>(entity.GetString("Status")),
        Tables: JsonSerializer.Deserialize<List<SnapshotTable>>(entity.GetString("Tables"), TablesJson)
            ?? throw new InvalidDataException($"Snapshot {entity.RowKey} has no tables."),
        WholePublicationSuppressed: entity.GetBoolean("WholePublicationSuppressed") ?? false,
        Method: entity.GetString("Method"),
        Threshold: entity.GetInt32("Threshold") ?? throw new InvalidDataException($"Snapshot {entity.RowKey} has no threshold."),
        CompiledAt: entity.GetDateTimeOffset("CompiledAt") ?? throw new InvalidDataException($"Snapshot {entity.RowKey} has no compile time."),
        SendingStartedAt: entity.GetDateTimeOffset("SendingStartedAt"),
        SentAt: entity.GetDateTimeOffset("SentAt"),
        ETag: entity.ETag)
    {
        SentBy = entity.GetString("SentBy"),
        Pooled = entity.GetString("Pooled") is { } pooled ? JsonSerializer.Deserialize<PooledSnapshot>(pooled, TablesJson) : null,
    };
}
