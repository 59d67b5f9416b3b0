using Radikalisering.Disclosure;

namespace Radikalisering.Tests.Disclosure;

public class SettingsTests
{
    [Fact]
    public void A_threshold_below_three_is_rejected()
    {
        var cube = new Cube([Tables.Age], [2, 10]);

        var error = Assert.Throws<ArgumentException>(() => new DisclosureEngine().Protect(Tables.Request(cube, [Tables.Total], threshold: 2)));

        Assert.Contains("at least 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cell_cost_below_one_is_rejected()
    {
        var cube = new Cube([Tables.Age], [2, 10]);
        var settings = new DisclosureSettings(5, Costs: [new CellCost("age", "under18", 0)]);

        var error = Assert.Throws<ArgumentException>(() => new DisclosureEngine().Protect(new DisclosureRequest(cube, [Tables.Total, Tables.By("age")], settings)));

        Assert.Contains("at least 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_table_over_an_unknown_dimension_is_rejected()
    {
        var cube = new Cube([Tables.Age], [2, 10]);

        var error = Assert.Throws<ArgumentException>(() => new DisclosureEngine().Protect(Tables.Request(cube, [Tables.By("reporter")])));

        Assert.Contains("reporter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cube_with_the_wrong_number_of_counts_or_a_negative_count_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => new Cube([Tables.Age], [1, 2, 3]));
        Assert.Throws<ArgumentException>(() => new Cube([Tables.Age], [1, -2]));
    }

    [Fact]
    public void A_larger_threshold_withholds_more()
    {
        var cube = new Cube([Tables.Age], [6, 10]);

        var atFive = new DisclosureEngine().Protect(Tables.Request(cube, [Tables.Total, Tables.By("age")], threshold: 5));
        var atSeven = new DisclosureEngine().Protect(Tables.Request(cube, [Tables.Total, Tables.By("age")], threshold: 7));

        Assert.All(atFive.AllCells(), cell => Assert.NotNull(cell.Value));
        Assert.Null(atSeven.Cell("age", "under18").Value);
    }
}
