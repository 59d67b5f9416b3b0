using Radikalisering.Disclosure;

namespace Radikalisering.Tests.Disclosure;

public class RepublicationTests
{
    private static readonly TableDefinition ByAge = Tables.By("age");

    private readonly DisclosureEngine engine = new();

    private static readonly PublishedTable[] EarlierTwenty =
    [
        new(Tables.Total, [new PublishedCell([], 20, null)]),
        new(ByAge, [new PublishedCell(["under18"], 8, null), new PublishedCell(["adult"], 12, null)]),
    ];

    [Fact]
    public void A_figure_that_moved_by_less_than_k_since_it_was_printed_is_withheld_and_the_total_printed_with_what_it_reveals()
    {
        // Printed in January: 8 minors, 12 adults, 20 in all. Two late registrations about minors since.
        var cube = new Cube([Tables.Age], [10, 12]);

        var result = engine.Protect(new DisclosureRequest(cube, [Tables.Total, ByAge], new DisclosureSettings(), EarlierTwenty));

        Assert.Null(result.Cell("age", "under18").Value);
        Assert.Null(result.Cell("age", "adult").Value);
        Assert.Equal(22, result.Cell("total").Value);
        Assert.Equal([Revelation.TotalMovedByLessThanThreshold], result.Audit.Revelations);
        Assert.True(result.Audit.Passed);
    }

    [Fact]
    public void A_total_moved_by_less_than_k_is_republished_alone_also_where_a_figure_did_not_move_so_the_choice_does_not_point_at_the_late_record()
    {
        // Printed in January: 10 / 10 / 10 by reporter. One late registration reported by "other" since: printing the
        // unchanged 10 again and withholding the rest would tell a reader of both where the late record went.
        var byReporter = Tables.By("reporter");
        PublishedTable[] earlier =
        [
            new(Tables.Total, [new PublishedCell([], 30, null)]),
            new(byReporter, [new PublishedCell(["municipalEmployee"], 10, null), new PublishedCell(["otherAuthority"], 10, null), new PublishedCell(["other"], 10, null)]),
        ];
        var cube = new Cube([Tables.Reporter], [10, 10, 11]);

        var result = engine.Protect(new DisclosureRequest(cube, [Tables.Total, byReporter], new DisclosureSettings(), earlier));

        Assert.Equal([31L, null, null, null], result.AllCells().Select(cell => cell.Value));
        Assert.Equal([Revelation.TotalMovedByLessThanThreshold], result.Audit.Revelations);
        Assert.True(result.Audit.Passed);
    }

    [Fact]
    public void Figures_that_moved_by_k_or_more_are_printed_again()
    {
        var cube = new Cube([Tables.Age], [13, 12]);

        var result = engine.Protect(new DisclosureRequest(cube, [Tables.Total, ByAge], new DisclosureSettings(), EarlierTwenty));

        Assert.Equal([25L, 13L, 12L], result.AllCells().Select(cell => cell.Value));
        Assert.Empty(result.Audit.Revelations);
        Assert.True(result.Audit.Passed);
    }

    [Fact]
    public void Recompiling_an_unchanged_year_republishes_the_same_figures()
    {
        var cube = new Cube([Tables.Age, Tables.Reporter, Tables.Outcome], [3, 0, 1, 2, 5, 0, 0, 1, 4, 2, 2, 0, 1, 6, 0, 0, 2, 1]);
        var first = engine.Protect(new DisclosureRequest(cube, Tables.ConcernTables, new DisclosureSettings()));

        var again = engine.Protect(new DisclosureRequest(cube, Tables.ConcernTables, new DisclosureSettings(), first.Tables));

        Assert.Equal(first.Tables, again.Tables);
        Assert.True(again.Audit.Passed);
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
