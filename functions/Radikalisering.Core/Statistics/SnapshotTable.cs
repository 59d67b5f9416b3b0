namespace Radikalisering.Core.Statistics;

/// <summary>One published table: a marginal of the cube over <see cref="Dimensions"/> (none = the grand total).</summary>
public sealed record SnapshotTable(string Name, IReadOnlyList<string> Dimensions, IReadOnlyList<SnapshotCell> Cells)
{
    /// <summary>The cell with exactly these categories, in the table's dimension order.</summary>
    public SnapshotCell Cell(params string[] categories) =>
        Cells.Single(cell => cell.Categories.SequenceEqual(categories, StringComparer.Ordinal));
}
