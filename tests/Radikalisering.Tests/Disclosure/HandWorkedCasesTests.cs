using Radikalisering.Disclosure;

namespace Radikalisering.Tests.Disclosure;

public class HandWorkedCasesTests
{
    private readonly DisclosureEngine engine = new();

    [Fact]
    public void One_small_cell_in_a_two_cell_distribution_is_hidden_with_its_neighbour_and_the_total_stays()
    {
        var cube = new Cube([Tables.Age], [2, 10]);

        var result = engine.Protect(Tables.Request(cube, [Tables.Total, Tables.By("age")]));

        Assert.Equal(new PublishedCell([], 12, null), result.Cell("total"));
        Assert.Equal(new PublishedCell(["under18"], null, SuppressionReason.Primary), result.Cell("age", "under18"));
        Assert.Equal(new PublishedCell(["adult"], null, SuppressionReason.Secondary), result.Cell("age", "adult"));
        Assert.Equal(new CellInterval("age", ["under18"], 0, 12, Sensitive: true), result.Interval("age", "under18"));
        Assert.True(result.Audit.Passed);
        Assert.False(result.WholePublicationSuppressed);
    }

    [Fact]
    public void Two_small_cells_that_together_reach_k_plus_one_protect_each_other()
    {
        var cube = new Cube([Tables.Reporter], [2, 4, 10]);

        var result = engine.Protect(Tables.Request(cube, [Tables.Total, Tables.By("reporter")]));

        Assert.Null(result.Cell("reporter", "municipalEmployee").Value);
        Assert.Null(result.Cell("reporter", "otherAuthority").Value);
        Assert.Equal(10, result.Cell("reporter", "other").Value);
        Assert.Equal(16, result.Cell("total").Value);
        Assert.DoesNotContain(result.AllCells(), cell => cell.Suppression == SuppressionReason.Secondary);
        Assert.True(result.Audit.Passed);
    }

    [Fact]
    public void Two_small_cells_summing_below_k_plus_one_need_a_third_because_each_knows_its_own_record()
    {
        // 15 = 10 + 2 + 3: published as 15 = 10 + x + y, the reporter behind x learns y ≤ 4.
        var cube = new Cube([Tables.Reporter], [2, 3, 10]);

        var result = engine.Protect(Tables.Request(cube, [Tables.Total, Tables.By("reporter")]));

        Assert.Equal(new PublishedCell(["other"], null, SuppressionReason.Secondary), result.Cell("reporter", "other"));
        Assert.Equal(15, result.Cell("total").Value);
        Assert.True(result.Audit.Passed);
    }

    [Fact]
    public void A_small_cell_visible_only_in_the_two_way_table_is_protected_there()
    {
        // Every one-way figure is at least 5; the two-way table has a 1 and a 2.
        var cube = new Cube([Tables.Age, Tables.Outcome], [5, 1, 2, 10, 8, 20]);
        var tables = new[] { Tables.Total, Tables.By("age"), Tables.By("outcome"), Tables.By("age", "outcome") };

        var result = engine.Protect(Tables.Request(cube, tables));

        Assert.All(result.Tables.Where(table => table.Definition.Dimensions.Count < 2).SelectMany(table => table.Cells), cell => Assert.NotNull(cell.Value));
        foreach (var outcome in new[] { "confirmed", "dismissed" })
        {
            var interval = result.Interval("age×outcome", "under18", outcome);
            Assert.True(interval.Sensitive);
            Assert.True(interval.Minimum <= 0 && interval.Maximum >= 5, $"{outcome}: {interval}");
        }

        Assert.True(result.Audit.Passed);
    }

    [Fact]
    public void A_total_below_k_withholds_the_whole_year_by_default()
    {
        var cube = new Cube([Tables.Age, Tables.Reporter, Tables.Outcome], [.. Enumerable.Repeat(0L, 17), 3]);

        var result = engine.Protect(Tables.Request(cube, Tables.ConcernTables));

        Assert.True(result.WholePublicationSuppressed);
        Assert.All(result.AllCells(), cell => Assert.Equal(new PublishedCell(cell.Categories, null, SuppressionReason.SmallTotal), cell));
        Assert.True(result.Audit.Passed);
    }

    [Fact]
    public void A_total_below_k_can_be_published_alone_when_the_policy_says_so()
    {
        var cube = new Cube([Tables.Age, Tables.Reporter, Tables.Outcome], [.. Enumerable.Repeat(0L, 17), 3]);
        var request = new DisclosureRequest(cube, Tables.ConcernTables, new DisclosureSettings(5, SmallTotalPolicy.PublishTotalOnly));

        var result = engine.Protect(request);

        Assert.False(result.WholePublicationSuppressed);
        Assert.Equal(3, result.Cell("total").Value);
        Assert.All(result.AllCells().Where(cell => cell.Categories.Count > 0), cell => Assert.Equal(SuppressionReason.SmallTotal, cell.Suppression));
    }

    [Fact]
    public void A_row_whose_whole_count_sits_in_one_cell_is_hidden_so_the_rest_of_the_row_could_hold_k()
    {
        // Every concern about a minor was confirmed: 12 of 12.
        var cube = new Cube([Tables.Age, Tables.Outcome], [0, 12, 0, 9, 8, 20]);
        var tables = new[] { Tables.Total, Tables.By("age"), Tables.By("outcome"), Tables.By("age", "outcome") };

        var result = engine.Protect(Tables.Request(cube, tables));

        Assert.Null(result.Cell("age×outcome", "under18", "confirmed").Value);
        Assert.True(result.Audit.Passed);
        var hiddenInRow = result.Audit.SuppressedCells.Where(interval => interval.Table == "age×outcome" && interval.Categories[0] == "under18" && interval.Categories[1] != "confirmed");
        Assert.Contains(hiddenInRow, interval => interval.Maximum >= 5);
    }
}
