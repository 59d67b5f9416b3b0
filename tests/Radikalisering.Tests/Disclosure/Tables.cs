using Radikalisering.Disclosure;

namespace Radikalisering.Tests.Disclosure;

/// <summary>Small builders for cubes and tables used across the disclosure tests.</summary>
internal static class Tables
{
    public static readonly Dimension Age = new("age", ["under18", "adult"]);
    public static readonly Dimension Reporter = new("reporter", ["municipalEmployee", "otherAuthority", "other"]);
    public static readonly Dimension Outcome = new("outcome", ["pending", "confirmed", "dismissed"]);

    public static TableDefinition Total { get; } = new("total", []);

    public static TableDefinition By(params string[] dimensions) => new(string.Join("×", dimensions), dimensions);

    /// <summary>The report's tables with both two-way tables configured (the default before issue 21).</summary>
    public static IReadOnlyList<TableDefinition> ConcernTables { get; } =
    [
        Total, By("age"), By("reporter"), By("outcome"), By("age", "outcome"), By("reporter", "outcome"),
    ];

    /// <summary>The tables the annual report publishes by default: the grand total and the three one-way tables.</summary>
    public static IReadOnlyList<TableDefinition> DefaultTables { get; } = [Total, By("age"), By("reporter"), By("outcome")];

    public static DisclosureRequest Request(Cube cube, IReadOnlyList<TableDefinition> tables, int threshold = 5) =>
        new(cube, tables, new DisclosureSettings(threshold));

    public static PublishedCell Cell(this DisclosureResult result, string table, params string[] categories) =>
        result.Tables.Single(published => published.Definition.Name == table)
            .Cells.Single(cell => cell.Categories.SequenceEqual(categories));

    public static CellInterval Interval(this DisclosureResult result, string table, params string[] categories) =>
        result.Audit.SuppressedCells.Single(interval => interval.Table == table && interval.Categories.SequenceEqual(categories));

    public static IEnumerable<PublishedCell> AllCells(this DisclosureResult result) => result.Tables.SelectMany(table => table.Cells);
}
