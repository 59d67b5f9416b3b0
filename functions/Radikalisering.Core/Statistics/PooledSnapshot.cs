using System.Text.Json.Serialization;
using Radikalisering.Disclosure;

namespace Radikalisering.Core.Statistics;

/// <summary>
/// "The last three years together", stored with the last year's snapshot: the years pooled (oldest first), whether
/// the pooled figures could be published and, when they were, the pooled tables as published (withheld cells null,
/// never their values). Empty tables when the outcome is not <see cref="PooledOutcome.Published"/>.
/// </summary>
public sealed record PooledSnapshot(IReadOnlyList<int> Years, PooledOutcome Outcome, IReadOnlyList<SnapshotTable> Tables)
{
    [JsonIgnore]
    public int FirstYear => Years[0];

    [JsonIgnore]
    public int LastYear => Years[^1];

    [JsonIgnore]
    public bool IsPublished => Outcome == PooledOutcome.Published;

    /// <summary>The same years, outcome and figures.</summary>
    public bool SameFigures(PooledSnapshot other) =>
        Years.SequenceEqual(other.Years) && Outcome == other.Outcome && SnapshotTables.SameFigures(Tables, other.Tables);
}
