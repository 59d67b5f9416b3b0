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
    public void Two_small_cells_that_together_reach_k_plus_one_are_withheld_as_a_group_and_the_rest_is_printed()
    {
        var cube = new Cube([Tables.Reporter], [10, 2, 4]);

        var result = engine.Protect(Tables.Request(cube, [Tables.Total, Tables.By("reporter")]));

        Assert.Equal(10, result.Cell("reporter", "municipalEmployee").Value);
        Assert.Null(result.Cell("reporter", "otherAuthority").Value);
        Assert.Null(result.Cell("reporter", "other").Value);
        Assert.Equal(16, result.Cell("total").Value);
        Assert.True(result.Audit.Passed);
    }

    [Fact]
    public void A_withheld_group_of_k_or_fewer_is_not_enough_because_each_knows_their_own_record()
    {
        // 15 = 10 + x + y with x + y = 5: the reporter behind x would learn y ≤ 4. The whole distribution is withheld.
        var cube = new Cube([Tables.Reporter], [10, 2, 3]);

        var result = engine.Protect(Tables.Request(cube, [Tables.Total, Tables.By("reporter")]));

        Assert.All(result.Tables.Single(table => table.Definition.Name == "reporter").Cells, cell => Assert.Null(cell.Value));
        Assert.Equal(15, result.Cell("total").Value);
        Assert.True(result.Audit.Passed);
    }

    [Fact]
    public void A_distribution_is_withheld_whole_when_its_most_valuable_category_is_small()
    {
        // The ladder withholds the least valuable categories first; a small first category takes the whole table.
        var cube = new Cube([Tables.Reporter], [2, 4, 10]);

        var result = engine.Protect(Tables.Request(cube, [Tables.Total, Tables.By("reporter")]));

        Assert.All(result.Tables.Single(table => table.Definition.Name == "reporter").Cells, cell => Assert.Null(cell.Value));
        Assert.Equal(16, result.Cell("total").Value);
    }

    [Fact]
    public void A_cell_cost_keeps_the_key_category_printed_while_the_others_are_withheld_together()
    {
        var cube = new Cube([Tables.Outcome], [4, 13, 3]);
        var settings = new DisclosureSettings(5, Costs: [new CellCost("outcome", "confirmed", 200)]);

        var result = engine.Protect(new DisclosureRequest(cube, [Tables.Total, Tables.By("outcome")], settings));

        Assert.Equal(13, result.Cell("outcome", "confirmed").Value);
        Assert.Null(result.Cell("outcome", "pending").Value);
        Assert.Null(result.Cell("outcome", "dismissed").Value);
        Assert.True(result.Audit.Passed);
    }

    [Fact]
    public void Small_cells_visible_only_in_the_two_way_table_are_withheld_so_each_could_be_empty_or_k()
    {
        // Every one-way figure is at least 5; the two-way table has a 1 and a 2.
        var cube = new Cube([Tables.Age, Tables.Outcome], [5, 1, 2, 10, 8, 20]);
        var tables = new[] { Tables.Total, Tables.By("age"), Tables.By("outcome"), Tables.By("age", "outcome") };

        var result = engine.Protect(Tables.Request(cube, tables));

        Assert.Equal(46, result.Cell("total").Value);
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
        Assert.Equal([Revelation.TotalBelowThreshold], result.Audit.Revelations);
    }

    [Fact]
    public void A_year_without_concerns_is_withheld_like_any_year_below_k()
    {
        var empty = engine.Protect(Tables.Request(new Cube([Tables.Age, Tables.Reporter, Tables.Outcome], new long[18]), Tables.ConcernTables));
        var three = engine.Protect(Tables.Request(new Cube([Tables.Age, Tables.Reporter, Tables.Outcome], [.. Enumerable.Repeat(0L, 17), 3]), Tables.ConcernTables));

        Assert.True(empty.WholePublicationSuppressed);
        Assert.Equal(three.AllCells().Select(cell => cell.Value), empty.AllCells().Select(cell => cell.Value));
    }

    [Fact]
    public void A_total_of_exactly_k_is_printed_and_its_audit_says_what_an_insider_learns()
    {
        var cube = new Cube([Tables.Age, Tables.Reporter, Tables.Outcome], [.. Enumerable.Repeat(0L, 13), 5, 0, 0, 0, 0]);

        var result = engine.Protect(Tables.Request(cube, Tables.ConcernTables));

        Assert.Equal(5, result.Cell("total").Value);
        Assert.Equal([Revelation.OthersBelowThresholdForInsiders], result.Audit.Revelations);
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
