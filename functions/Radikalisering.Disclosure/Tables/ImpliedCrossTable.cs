namespace Radikalisering.Disclosure;

/// <summary>
/// A two-way cross-classification the linked tables imply but do not publish: two dimensions that each have a one-way
/// table and share no table (with the default tables, age × reporter, age × outcome and reporter × outcome). Its cells
/// are never printed, but its margins may be, and then row + column − total is the least a cell can hold.
/// </summary>
/// <param name="Rows">The table cell indexes of the first dimension's one-way table.</param>
/// <param name="Columns">The table cell indexes of the second dimension's one-way table.</param>
/// <param name="Cells">The cross cells, row by row (their indexes are not table cell indexes: they are not in the tables).</param>
internal sealed record ImpliedCrossTable(int[] Rows, int[] Columns, IReadOnlyList<TableCell> Cells)
{
    /// <summary>Every line (the cross cells of one row, or of one column), each as its cells.</summary>
    public IEnumerable<TableCell[]> Lines() =>
        Enumerable.Range(0, Rows.Length).Select(row => Cells.Skip(row * Columns.Length).Take(Columns.Length).ToArray())
            .Concat(Enumerable.Range(0, Columns.Length).Select(column => Enumerable.Range(0, Rows.Length).Select(row => Cells[(row * Columns.Length) + column]).ToArray()));

    public static IReadOnlyList<ImpliedCrossTable> Of(LinkedTables tables)
    {
        var oneWay = tables.Cube.Dimensions
            .Select(dimension => (dimension.Name, Table: Enumerable.Range(0, tables.Tables.Count).Cast<int?>().FirstOrDefault(t => tables.Tables[t!.Value].Dimensions is [var only] && only == dimension.Name)))
            .Where(pair => pair.Table is not null)
            .ToArray();
        var implied = new List<ImpliedCrossTable>();
        for (var i = 0; i < oneWay.Length; i++)
        {
            for (var j = i + 1; j < oneWay.Length; j++)
            {
                var (first, second) = (oneWay[i], oneWay[j]);
                if (tables.Tables.Any(table => table.Dimensions.Contains(first.Name) && table.Dimensions.Contains(second.Name)))
                {
                    continue;
                }

                var cross = new TableDefinition($"{first.Name},{second.Name}", [first.Name, second.Name]);
                implied.Add(new ImpliedCrossTable(
                    [.. tables.CellsOf(first.Table!.Value).Select(cell => cell.Index)],
                    [.. tables.CellsOf(second.Table!.Value).Select(cell => cell.Index)],
                    LinkedTables.Marginal(tables.Cube, cross, tableIndex: -1, firstIndex: 0)));
            }
        }

        return implied;
    }
}
