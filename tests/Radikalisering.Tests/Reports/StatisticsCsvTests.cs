using System.Text;
using Radikalisering.Core.Reports;

namespace Radikalisering.Tests.Reports;

public sealed class StatisticsCsvTests
{
    [Fact]
    public void Is_utf8_with_bom_and_semicolon_separated_for_danish_excel()
    {
        var bytes = StatisticsCsvWriter.Write(ReportFixtures.Snapshot);

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("År;Tabel;Alder;Henvendelse fra;Udfald;Antal", lines[0]);
        Assert.Equal(1 + 1 + 2 + 3 + 3 + 6 + 9, lines.Length);
        Assert.Contains("2025;I alt;I alt;I alt;I alt;110", lines);
        Assert.Contains("2025;Alder og udfald af §115-drøftelsen;Under 18 år;I alt;Bekræftet;7", lines);
    }

    [Fact]
    public void Shows_suppressed_cells_with_the_marker_and_never_their_value()
    {
        var lines = Encoding.UTF8.GetString(StatisticsCsvWriter.Write(ReportFixtures.Snapshot)).Split("\r\n");

        Assert.Contains("2025;Henvendelse fra og udfald af §115-drøftelsen;I alt;Andre;Afventer;skjult", lines);
        Assert.Equal(4, lines.Count(line => line.EndsWith(";skjult", StringComparison.Ordinal)));
    }
}
