namespace Radikalisering.Disclosure;

/// <summary>
/// All requested tables flattened into one list of cells, each a sum over cube cells. Publishing a cell
/// tells the intruder one linear equation over the cube.
/// </summary>
internal sealed class LinkedTables
{
    private readonly Dictionary<string, TableCell> cellsByKey;
    private IReadOnlyList<ImpliedCrossTable>? impliedCrossTables;

    private LinkedTables(Cube cube, IReadOnlyList<TableDefinition> tables, IReadOnlyList<TableCell> cells)
    {
        Cube = cube;
        Tables = tables;
        Cells = cells;
        cellsByKey = cells.ToDictionary(cell => Key(cell.Table.Name, cell.Categories), StringComparer.Ordinal);
        CoveringCells = BuildCovering(cube.CellCount, cells);
    }

    public Cube Cube { get; }

    public IReadOnlyList<TableDefinition> Tables { get; }

    public IReadOnlyList<TableCell> Cells { get; }

    /// <summary>The two-way cross-classifications whose margins the tables publish but which no table contains.</summary>
    public IReadOnlyList<ImpliedCrossTable> ImpliedCrossTables => impliedCrossTables ??= ImpliedCrossTable.Of(this);

    /// <summary>For every cube cell, the indexes of the table cells whose support contains it.</summary>
    public IReadOnlyList<int[]> CoveringCells { get; }

    public static LinkedTables Build(Cube cube, IReadOnlyList<TableDefinition> tables)
    {
        var cells = new List<TableCell>();
        for (var t = 0; t < tables.Count; t++)
        {
            cells.AddRange(Marginal(cube, tables[t], t, cells.Count));
        }

        return new LinkedTables(cube, tables, cells);
    }

    /// <summary>The cells of one marginal table, numbered from <paramref name="firstIndex"/>.</summary>
    public static IReadOnlyList<TableCell> Marginal(Cube cube, TableDefinition table, int tableIndex, int firstIndex)
    {
        var dimensionIndexes = table.Dimensions
            .Select(name => IndexOfDimension(cube, name, table.Name))
            .ToArray();
        var sizes = dimensionIndexes.Select(d => cube.Dimensions[d].Categories.Count).ToArray();
        var cellCount = sizes.Aggregate(1, (product, size) => product * size);

        var supports = Enumerable.Range(0, cellCount).Select(_ => new List<int>()).ToArray();
        var values = new long[cellCount];
        for (var cubeCell = 0; cubeCell < cube.CellCount; cubeCell++)
        {
            var offset = 0;
            for (var p = 0; p < dimensionIndexes.Length; p++)
            {
                offset = (offset * sizes[p]) + cube.CategoryOf(cubeCell, dimensionIndexes[p]);
            }

            supports[offset].Add(cubeCell);
            values[offset] += cube.CountAt(cubeCell);
        }

        var cells = new TableCell[cellCount];
        for (var offset = 0; offset < cellCount; offset++)
        {
            var categories = new string[dimensionIndexes.Length];
            var remainder = offset;
            for (var p = dimensionIndexes.Length - 1; p >= 0; p--)
            {
                categories[p] = cube.Dimensions[dimensionIndexes[p]].Categories[remainder % sizes[p]];
                remainder /= sizes[p];
            }

            cells[offset] = new TableCell(firstIndex + offset, tableIndex, table, categories, supports[offset].ToArray(), values[offset]);
        }

        return cells;
    }

    public TableCell? Find(string tableName, IReadOnlyList<string> categories) =>
        cellsByKey.GetValueOrDefault(Key(tableName, categories));

    public IEnumerable<TableCell> CellsOf(int tableIndex) => Cells.Where(cell => cell.TableIndex == tableIndex);

    private static string Key(string tableName, IEnumerable<string> categories) =>
        string.Join('\u001f', categories.Prepend(tableName));

    private static int IndexOfDimension(Cube cube, string name, string tableName)
    {
        for (var d = 0; d < cube.Dimensions.Count; d++)
        {
            if (cube.Dimensions[d].Name == name)
            {
                return d;
            }
        }

        throw new ArgumentException($"Table '{tableName}' uses dimension '{name}', which the cube does not have.");
    }

    private static int[][] BuildCovering(int cubeCellCount, IReadOnlyList<TableCell> cells)
    {
        var covering = Enumerable.Range(0, cubeCellCount).Select(_ => new List<int>()).ToArray();
        foreach (var cell in cells)
        {
            foreach (var cubeCell in cell.Support)
            {
                covering[cubeCell].Add(cell.Index);
            }
        }

        return covering.Select(list => list.ToArray()).ToArray();
    }
}
