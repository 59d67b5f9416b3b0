namespace Radikalisering.Disclosure;

/// <summary>
/// The years of a pooled period stacked into one cube (year × the year cube's dimensions, year slowest) with, for every
/// requested table T, the year-specific table (year × T) and the pooled table T (summed over the years). Maps the cells
/// of one year's tables and of the pooled tables (each built over a cube of the year's shape) to the stacked tables.
/// </summary>
internal sealed class StackedTables
{
    /// <summary>The name of the stacked cube's year dimension; a year cube may not use it.</summary>
    public const string YearDimension = "pooled year";

    private const string YearTableSuffix = "\u001fby year";

    private readonly int yearCubeCells;
    private readonly int yearCount;

    private StackedTables(LinkedTables stacked, LinkedTables pooled, IReadOnlyList<LinkedTables> years)
    {
        Stacked = stacked;
        Pooled = pooled;
        Years = years;
        yearCount = years.Count;
        yearCubeCells = pooled.Cube.CellCount;
        YearIndex = [.. years.Select((year, y) => year.Cells.Select(cell => Find(stacked, cell, y)).ToArray())];
        PooledIndex = [.. pooled.Cells.Select(cell => stacked.Find(cell.Table.Name, cell.Categories)!.Index)];
    }

    /// <summary>The stacked cube and its tables: the year-specific tables first, then the pooled tables.</summary>
    public LinkedTables Stacked { get; }

    /// <summary>The requested tables over the years' summed cube.</summary>
    public LinkedTables Pooled { get; }

    /// <summary>The requested tables over each year's own cube.</summary>
    public IReadOnlyList<LinkedTables> Years { get; }

    /// <summary>For each year, its tables' cell indexes in the stacked tables.</summary>
    public int[][] YearIndex { get; }

    /// <summary>The pooled tables' cell indexes in the stacked tables.</summary>
    public int[] PooledIndex { get; }

    public static StackedTables Build(IReadOnlyList<Cube> years, IReadOnlyList<TableDefinition> tables)
    {
        var dimensions = years[0].Dimensions;
        var cells = years[0].CellCount;
        var yearDimension = new Dimension(YearDimension, [.. Enumerable.Range(0, years.Count).Select(YearLabel)]);
        var stackedCube = new Cube([yearDimension, .. dimensions], [.. years.SelectMany(year => Enumerable.Range(0, cells).Select(year.CountAt))]);
        var pooledCube = new Cube(dimensions, [.. Enumerable.Range(0, cells).Select(cell => years.Sum(year => year.CountAt(cell)))]);
        TableDefinition[] stackedTables =
        [
            .. tables.Select(table => new TableDefinition(table.Name + YearTableSuffix, [YearDimension, .. table.Dimensions])),
            .. tables,
        ];
        return new StackedTables(
            LinkedTables.Build(stackedCube, stackedTables),
            LinkedTables.Build(pooledCube, tables),
            [.. years.Select(year => LinkedTables.Build(year, tables))]);
    }

    /// <summary>Year y's cube cell in the stacked cube.</summary>
    public int[] YearCubeCell(int year, int cell) => [(year * yearCubeCells) + cell];

    /// <summary>Every year's copy of a cube cell in the stacked cube.</summary>
    public int[] PooledCubeCell(int cell) => [.. Enumerable.Range(0, yearCount).Select(year => (year * yearCubeCells) + cell)];

    /// <summary>Every stacked cube cell of one year.</summary>
    public int[] CubeCellsOf(int year) => [.. Enumerable.Range(year * yearCubeCells, yearCubeCells)];

    private static string YearLabel(int year) => year.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static int Find(LinkedTables stacked, TableCell cell, int year) =>
        stacked.Find(cell.Table.Name + YearTableSuffix, [YearLabel(year), .. cell.Categories])!.Index;
}
