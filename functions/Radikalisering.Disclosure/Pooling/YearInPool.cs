namespace Radikalisering.Disclosure;

/// <summary>
/// One year of a pooled period as its own publication left it: the figures it printed (by the year tables' cell
/// index), the ladder level that printed them (null when the year was withheld whole), and the conditions of which
/// every cube reproducing that publication fails one for each cheaper level that prints something the year's level
/// withholds (null when they cannot be stated: a cheaper level was admissible whatever the withheld cells hold).
/// </summary>
internal sealed record YearInPool(long?[] Printed, PublicationLevel? Level, List<AdmissionCondition[]>? PassedOver)
{
    public bool WithheldWhole => Level is null;

    /// <summary>The figures the year's publication printed, by its tables' cell index (null where withheld).</summary>
    public static long?[] PrintedFigures(PooledYear year, LinkedTables tables)
    {
        var printed = new long?[tables.Cells.Count];
        var seen = new bool[tables.Cells.Count];
        foreach (var table in year.Publication)
        {
            foreach (var cell in table.Cells)
            {
                var match = tables.Find(table.Definition.Name, cell.Categories);
                if (match is null || !match.Table.Equals(table.Definition))
                {
                    throw new ArgumentException($"The publication of {year.Year} has a table or cell the pooled tables do not ('{table.Definition.Name}').");
                }

                printed[match.Index] = cell.Value;
                seen[match.Index] = true;
            }
        }

        if (seen.Contains(false))
        {
            throw new ArgumentException($"The publication of {year.Year} lacks a cell of the pooled tables.");
        }

        return printed;
    }

    /// <summary>
    /// The year as its publication left it, or null when the publication is not one the ladder makes: a pattern that
    /// is no level of the year's ladder, or a printed total below k (a year under k is withheld whole).
    /// </summary>
    public static YearInPool? Read(long?[] printed, PublicationLadder ladder)
    {
        if (printed.All(value => value is null))
        {
            return new YearInPool(printed, Level: null, PassedOver: []);
        }

        var total = printed[ladder.Tables.Cells.First(cell => cell.IsGrandTotal).Index];
        var level = ladder.Levels.FirstOrDefault(level => level.Published.Select((published, index) => published == printed[index] is not null).All(same => same));
        return level is null || total < ladder.Threshold
            ? null
            : new YearInPool(printed, level, ReplayGate.PassedOver(ladder, level, printed));
    }

    /// <summary>Whether the year's cube as it is now prints exactly what the publication printed. Reads only cells the publication printed.</summary>
    public bool StillPrintedBy(LinkedTables current) =>
        current.Cells.All(cell => Printed[cell.Index] is not { } value || value == cell.Value);
}
