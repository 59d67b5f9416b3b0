using CsvHelper;
using Radikalisering.Core.Statistics;

namespace Radikalisering.Core.Reports;

/// <summary>
/// The published tables as CSV for Danish Excel: UTF-8 with BOM, <c>;</c> as separator, one line
/// per published cell (a dimension the table does not split by reads "I alt"), suppressed cells
/// with the same marker as the e-mail.
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
            foreach (var table in snapshot.Tables)
            {
                foreach (var cell in table.Cells)
                {
                    csv.WriteRecord(
                    [
                        snapshot.Year.ToString(DanishLabels.Culture),
                        DanishLabels.TableTitle(table.Dimensions),
                        CategoryOrTotal(table, cell, ConcernDimensions.Age),
                        CategoryOrTotal(table, cell, ConcernDimensions.Reporter),
                        CategoryOrTotal(table, cell, ConcernDimensions.Outcome),
                        cell.Value is { } value ? value.ToString(DanishLabels.Culture) : DanishLabels.SuppressedMarker,
                    ]);
                }
            }
        }

        return buffer.ToArray();
    }

    private static string CategoryOrTotal(SnapshotTable table, SnapshotCell cell, string dimension)
    {
        var position = table.Dimensions.ToList().IndexOf(dimension);
        return position < 0 ? DanishLabels.Total : DanishLabels.Category(dimension, cell.Categories[position]);
    }
}
