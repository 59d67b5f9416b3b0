using Radikalisering.Disclosure;

namespace Radikalisering.Tests.Disclosure;

public class RepublicationTests
{
    private static readonly TableDefinition ByAge = Tables.By("age");

    private readonly DisclosureEngine engine = new();

    [Fact]
    public void A_figure_that_moved_by_less_than_k_since_it_was_printed_is_withheld()
    {
        // Printed in January: 8 minors, 12 adults, 20 in all. Two late registrations about minors since.
        var earlier = new[]
        {
            new PublishedTable(Tables.Total, [new PublishedCell([], 20, null)]),
            new PublishedTable(ByAge, [new PublishedCell(["under18"], 8, null), new PublishedCell(["adult"], 12, null)]),
        };
        var cube = new Cube([Tables.Age], [10, 12]);

        var result = engine.Protect(new DisclosureRequest(cube, [Tables.Total, ByAge], new DisclosureSettings(), earlier));

        Assert.Equal(new PublishedCell(["under18"], null, SuppressionReason.Primary), result.Cell("age", "under18"));
        Assert.Equal(new PublishedCell([], null, SuppressionReason.Primary), result.Cell("total"));
        Assert.Equal(12, result.Cell("age", "adult").Value);
        Assert.True(result.Audit.Passed);
    }

    [Fact]
    public void A_cell_withheld_before_stays_withheld_even_when_it_has_grown_past_k()
    {
        var earlier = new[]
        {
            new PublishedTable(Tables.Total, [new PublishedCell([], 12, null)]),
            new PublishedTable(ByAge, [new PublishedCell(["under18"], null, SuppressionReason.Primary), new PublishedCell(["adult"], null, SuppressionReason.Secondary)]),
        };
        var cube = new Cube([Tables.Age], [8, 14]);

        var result = engine.Protect(new DisclosureRequest(cube, [Tables.Total, ByAge], new DisclosureSettings(), earlier));

        Assert.Null(result.Cell("age", "under18").Value);
        Assert.Null(result.Cell("age", "adult").Value);
        Assert.Equal(22, result.Cell("total").Value);
        Assert.True(result.Audit.Passed);
    }

    [Fact]
    public void Without_an_earlier_publication_the_same_cube_is_printed_in_full()
    {
        var cube = new Cube([Tables.Age], [10, 12]);

        var result = engine.Protect(Tables.Request(cube, [Tables.Total, ByAge]));

        Assert.All(result.AllCells(), cell => Assert.NotNull(cell.Value));
    }
}
