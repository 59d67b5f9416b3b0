using System.Globalization;
using Azure.Data.Tables;

namespace Radikalisering.Core.Backup;

/// <summary>
/// One table row as a backup holds it: keys and every property with its type, values exactly as
/// stored (sealed payloads stay sealed). One JSON object per line of a partition's blob.
/// </summary>
public sealed record BackupRow(string PartitionKey, string RowKey, IReadOnlyDictionary<string, BackupValue> Properties)
{
    private static readonly HashSet<string> SystemProperties = new(StringComparer.Ordinal) { "PartitionKey", "RowKey", "Timestamp", "odata.etag" };

    public static BackupRow Of(TableEntity entity)
    {
        var properties = entity
            .Where(property => !SystemProperties.Contains(property.Key) && property.Value is not null)
            .ToDictionary(property => property.Key, property => BackupValue.Of(property.Value), StringComparer.Ordinal);
        return new BackupRow(entity.PartitionKey, entity.RowKey, properties);
    }

    public TableEntity ToEntity()
    {
        var entity = new TableEntity(PartitionKey, RowKey);
        foreach (var (name, value) in Properties)
        {
            entity[name] = value.ToObject();
        }

        return entity;
    }
}

/// <summary>A typed property value, the value in an invariant text form.</summary>
public sealed record BackupValue(string Type, string Value)
{
    public static BackupValue Of(object value) => value switch
    {
        string text => new("String", text),
        int number => new("Int32", number.ToString(CultureInfo.InvariantCulture)),
        long number => new("Int64", number.ToString(CultureInfo.InvariantCulture)),
        double number => new("Double", number.ToString("R", CultureInfo.InvariantCulture)),
        bool flag => new("Boolean", flag ? "true" : "false"),
        DateTimeOffset at => new("DateTime", at.ToString("O", CultureInfo.InvariantCulture)),
        DateTime at => new("DateTime", new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)).ToString("O", CultureInfo.InvariantCulture)),
        Guid id => new("Guid", id.ToString("D")),
        byte[] bytes => new("Binary", Convert.ToBase64String(bytes)),
        BinaryData data => new("Binary", Convert.ToBase64String(data.ToArray())),
        _ => throw new NotSupportedException($"A table property of type {value.GetType()} cannot be backed up."),
    };

    public object ToObject() => Type switch
    {
        "String" => Value,
        "Int32" => int.Parse(Value, CultureInfo.InvariantCulture),
        "Int64" => long.Parse(Value, CultureInfo.InvariantCulture),
        "Double" => double.Parse(Value, CultureInfo.InvariantCulture),
        "Boolean" => Value == "true",
        "DateTime" => DateTimeOffset.Parse(Value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
        "Guid" => Guid.Parse(Value),
        "Binary" => Convert.FromBase64String(Value),
        _ => throw new FormatException($"Unknown backup value type '{Type}'."),
    };
}
