namespace Radikalisering.Core.Statistics;

/// <summary>One published table: a marginal of the cube over <see cref="Dimensions"/> (none = the grand total).</summary>
public sealed record PublishedTable(string Name, IReadOnlyList<string> Dimensions, IReadOnlyList<PublishedCell> Cells)
{
    /// <summary>The cell with exactly these categories, in the table's dimension order.</summary>
    public PublishedCell Cell(params string[] categories) =>
        Cells.Single(cell => cell.Categories.SequenceEqual(categories, StringComparer.Ordinal));
}
