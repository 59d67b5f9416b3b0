using Radikalisering.Disclosure;

namespace Radikalisering.Core.Statistics;

/// <summary>Published tables between the disclosure engine's form and the stored form.</summary>
internal static class SnapshotTables
{
    public static SnapshotTable FromEngine(Disclosure.PublishedTable table) => new(
        table.Definition.Name,
        table.Definition.Dimensions.ToList(),
        table.Cells.Select(cell => new SnapshotCell(cell.Categories.ToList(), cell.Value)).ToList());

    // The engine reads only the figures and which cells were withheld, not why.
    public static Disclosure.PublishedTable ToEngine(SnapshotTable table) => new(
        new TableDefinition(table.Name, table.Dimensions),
        table.Cells.Select(cell => new Disclosure.PublishedCell(
            cell.Categories, cell.Value, cell.IsSuppressed ? SuppressionReason.Secondary : null)).ToList());

    /// <summary>The same tables with the same cells, figures and withheld cells.</summary>
    public static bool SameFigures(IReadOnlyList<SnapshotTable> stored, IReadOnlyList<SnapshotTable> compiled) =>
        stored.Count == compiled.Count
        && stored.Zip(compiled).All(pair =>
            pair.First.Name == pair.Second.Name
            && pair.First.Dimensions.SequenceEqual(pair.Second.Dimensions)
            && pair.First.Cells.Count == pair.Second.Cells.Count
            && pair.First.Cells.Zip(pair.Second.Cells).All(cells =>
                cells.First.Value == cells.Second.Value && cells.First.Categories.SequenceEqual(cells.Second.Categories)));

    /// <summary>The same table names and dimensions, in the same order.</summary>
    public static bool SameDefinitions(IReadOnlyList<SnapshotTable> tables, IReadOnlyList<TableDefinition> definitions) =>
        tables.Count == definitions.Count
        && tables.Zip(definitions).All(pair =>
            pair.First.Name == pair.Second.Name && pair.First.Dimensions.SequenceEqual(pair.Second.Dimensions));
}
