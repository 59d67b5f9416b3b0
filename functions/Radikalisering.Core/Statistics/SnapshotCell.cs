using System.Text.Json.Serialization;

namespace Radikalisering.Core.Statistics;

/// <summary>
/// One published cell: its categories (aligned with the table's dimensions) and its value, or
/// <c>null</c> when the cell is suppressed. Whether a suppression was primary or secondary is
/// deliberately not kept: publishing it would tell an intruder which hidden cells are small.
/// </summary>
public sealed record SnapshotCell(IReadOnlyList<string> Categories, long? Value)
{
    [JsonIgnore]
    public bool IsSuppressed => Value is null;
}
