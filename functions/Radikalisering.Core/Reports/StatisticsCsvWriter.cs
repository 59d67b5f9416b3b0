using CsvHelper;
using Radikalisering.Core.Statistics;

namespace Radikalisering.Core.Reports;

/// <summary>
/// The published tables as CSV for Danish Excel: UTF-8 with BOM, <c>;</c> as separator, one line
/// per published cell (a dimension the table does not split by reads "I alt"), suppressed cells
/// with the same marker as the e-mail. The last three years together follow the year's own cells, with the
/// period ("2023–2025") in the year column.
/// </summary>
public static class StatisticsCsvWriter
{
    private static readonly string[] Header = ["År", "Tabel", "Alder", "Henvendelse fra", "Udfald", "Antal"];

    private static readonly CsvWriterOptions Options = new()
    {
        Separator = ';',
        WriteByteOrderMark = true,
        FormatProvider = DanishLabels.Culture,
    };

    public static byte[] Write(ReportSnapshot snapshot)
    {
        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, Options, leaveOpen: true))
        {
            csv.WriteHeader(Header);
            WriteTables(csv, snapshot.Year.ToString(DanishLabels.Culture), snapshot.Tables);
            if (snapshot.Pooled is { IsPublished: true } pooled)
            {
                WriteTables(csv, DanishLabels.Period(pooled.FirstYear, pooled.LastYear), pooled.Tables);
            }
        }

        return buffer.ToArray();
    }

    /// <param name="period">The year, or the years pooled ("2023–2025").</param>
    private static void WriteTables(CsvWriter csv, string period, IEnumerable<SnapshotTable> tables)
    {
        foreach (var table in tables)
        {
            foreach (var cell in table.Cells)
            {
                csv.WriteRecord(
                [
                    period,
                    DanishLabels.TableTitle(table.Dimensions),
                    CategoryOrTotal(table, cell, ConcernDimensions.Age),
                    CategoryOrTotal(table, cell, ConcernDimensions.Reporter),
                    CategoryOrTotal(table, cell, ConcernDimensions.Outcome),
                    cell.Value is { } value ? value.ToString(DanishLabels.Culture) : DanishLabels.SuppressedMarker,
                ]);
            }
        }
    }

    private static string CategoryOrTotal(SnapshotTable table, SnapshotCell cell, string dimension)
    {
        var position = table.Dimensions.ToList().IndexOf(dimension);
        return position < 0 ? DanishLabels.Total : DanishLabels.Category(dimension, cell.Categories[position]);
    }
}
