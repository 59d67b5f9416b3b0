namespace Radikalisering.Disclosure;

/// <summary>
/// What an earlier publication of the same period printed. No cell-by-cell link between the earlier and the
/// current cube is assumed (records may be added late, change outcome or be deleted); what the intruder gains
/// is each printed figure, so a republished figure that moved by a small amount reveals a small group.
/// </summary>
internal sealed class PriorPublication
{
    private readonly IReadOnlyList<PublishedTable> tables;

    public PriorPublication(IReadOnlyList<PublishedTable>? tables)
    {
        this.tables = tables ?? [];
    }

    /// <summary>The current cells that were withheld earlier; they stay withheld.</summary>
    public IEnumerable<TableCell> SuppressedEarlier(LinkedTables current) =>
        tables.SelectMany(table => table.Cells
                .Where(cell => cell.Value is null)
                .Select(cell => current.Find(table.Definition.Name, cell.Categories)))
            .OfType<TableCell>();

    /// <summary>Whether the earlier publication printed any figure at all (a withheld small year prints none).</summary>
    public bool PrintsAnything => tables.Any(table => table.Cells.Any(cell => cell.Value is not null));

    /// <summary>
    /// The earlier figures by the current tables' cell index (null where nothing was printed) and which cells were
    /// withheld; null when the earlier publication has a table or cell the current tables do not.
    /// </summary>
    public (long?[] Values, bool[] Withheld)? ByCurrentCell(LinkedTables current)
    {
        var values = new long?[current.Cells.Count];
        var withheld = new bool[current.Cells.Count];
        foreach (var table in tables)
        {
            foreach (var cell in table.Cells)
            {
                if (current.Find(table.Definition.Name, cell.Categories) is not { } match || !match.Table.Equals(table.Definition))
                {
                    return null;
                }

                values[match.Index] = cell.Value;
                withheld[match.Index] = cell.Value is null;
            }
        }

        return (values, withheld);
    }

}
