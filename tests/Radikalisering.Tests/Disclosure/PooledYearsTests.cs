using Radikalisering.Disclosure;

namespace Radikalisering.Tests.Disclosure;

/// <summary>Hand-worked pooled publications: "the last three years together" next to each year's own publication.</summary>
[Trait("Category", "Slow")]
public class PooledYearsTests
{
    private static readonly TableDefinition[] AgeTables = [Tables.Total, Tables.By("age")];

    private readonly DisclosureEngine engine = new();

    [Fact]
    public void A_small_year_between_two_printed_years_is_not_pinned_by_a_pooled_total()
    {
        // The example: 12 and 15 printed, the year between withheld as "too few"; 12 + 15 + x = 29 would print x = 2.
        var years = Published(AgeTables, [5, 7], [1, 1], [7, 8]);

        var pooled = engine.ProtectPooled(new PooledRequest(years, AgeTables, new DisclosureSettings()));

        Assert.True(years[1].Publication.SelectMany(table => table.Cells).All(cell => cell.Value is null));
        Assert.Equal(PooledOutcome.NothingPrintable, pooled.Outcome);
        Assert.Null(pooled.Publication);
    }

    [Fact]
    public void Sparse_years_whose_reporter_groups_are_withheld_every_year_print_the_reporter_table_pooled()
    {
        var settings = new DisclosureSettings();
        var years = Published(
            Tables.ConcernTables,
            settings,
            [3, 1, 2, 0, 1, 2, 0, 0, 1, 1, 2, 0, 0, 1, 0, 0, 1, 0],
            [2, 1, 1, 1, 2, 0, 0, 1, 1, 2, 0, 1, 0, 0, 1, 1, 0, 0],
            [1, 2, 1, 0, 1, 2, 1, 0, 2, 1, 1, 0, 1, 0, 0, 1, 1, 1]);

        var pooled = engine.ProtectPooled(new PooledRequest(years, Tables.ConcernTables, settings));

        // Each year prints the reporters only as "municipal employee" and withholds the other two together.
        Assert.All(years, year => Assert.Equal(["municipalEmployee"], year.Publication.Single(table => table.Definition.Name == "reporter").Cells.Where(cell => cell.Value is not null).Select(cell => cell.Categories[0])));
        Assert.Equal(PooledOutcome.Published, pooled.Outcome);
        var publication = pooled.Publication!;
        Assert.Equal([22L, 12L, 11L], publication.Tables.Single(table => table.Definition.Name == "reporter").Cells.Select(cell => cell.Value));
        Assert.Equal(45, publication.Cell("total").Value);
        Assert.True(publication.Audit.Passed);
        Assert.All(publication.Audit.SuppressedCells, interval => Assert.True(interval.Minimum is 0 or >= 5 && interval.Maximum >= 5));
    }

    [Fact]
    public void A_printed_figure_that_changed_since_its_year_was_published_stops_the_pooled_publication()
    {
        var years = Published(AgeTables, [6, 7], [8, 9], [7, 8]);
        var lateRecord = years[2] with { Cube = new Cube([Tables.Age], [8, 8]) };

        var pooled = engine.ProtectPooled(new PooledRequest([years[0], years[1], lateRecord], AgeTables, new DisclosureSettings()));

        Assert.Equal(new PooledResult(PooledOutcome.YearChangedSincePublication, null), pooled);
    }

    [Theory]
    [InlineData(1, 2, 2)]
    [InlineData(2, 3, 3)]
    [InlineData(4, 4, 4)]
    [InlineData(0, 0, 1)]
    public void Three_years_withheld_as_too_few_are_never_pooled_so_the_outcome_does_not_tell_their_sum(long first, long second, long third)
    {
        // Sums 5 and 8 lie in k..2k − 2, where a pooled total would keep every year's 0..k − 1 open; 12 and 1 do not.
        var years = Published(AgeTables, [first, 0], [second, 0], [third, 0]);

        var pooled = engine.ProtectPooled(new PooledRequest(years, AgeTables, new DisclosureSettings()));

        Assert.All(years, year => Assert.All(year.Publication.SelectMany(table => table.Cells), cell => Assert.Null(cell.Value)));
        Assert.Equal(new PooledResult(PooledOutcome.NothingPrintable, null), pooled);
    }

    [Fact]
    public void A_year_withheld_as_too_few_is_not_pooled_even_when_it_has_reached_k_since()
    {
        var years = Published(AgeTables, [6, 7], [1, 2], [7, 8]);
        var grown = years[1] with { Cube = new Cube([Tables.Age], [3, 2]) };

        var pooled = engine.ProtectPooled(new PooledRequest([years[0], grown, years[2]], AgeTables, new DisclosureSettings()));

        Assert.Equal(PooledOutcome.NothingPrintable, pooled.Outcome);
    }

    [Fact]
    public void A_year_published_by_the_former_engine_is_not_pooled()
    {
        var years = Published(AgeTables, [6, 7], [8, 9], [7, 8]);

        // The former engine could withhold the total to keep a distribution; no ladder level does.
        PublishedTable[] former =
        [
            new(Tables.Total, [new PublishedCell([], null, SuppressionReason.Secondary)]),
            new(Tables.By("age"), [new PublishedCell(["under18"], 6, null), new PublishedCell(["adult"], 7, null)]),
        ];
        var pooled = engine.ProtectPooled(new PooledRequest([years[0] with { Publication = former }, years[1], years[2]], AgeTables, new DisclosureSettings()));

        Assert.Equal(PooledOutcome.YearNotFromLadder, pooled.Outcome);
    }

    [Fact]
    public void Pooled_figures_are_printed_where_the_years_withhold_them_and_the_differences_stay_wide()
    {
        var years = Published(AgeTables, [2, 10], [9, 3], [4, 8]);

        var pooled = engine.ProtectPooled(new PooledRequest(years, AgeTables, new DisclosureSettings()));

        Assert.All(years, year => Assert.Null(year.Publication[1].Cells[0].Value));
        Assert.Equal(PooledOutcome.Published, pooled.Outcome);
        Assert.Equal([36L, 15L, 21L], pooled.Publication!.AllCells().Select(cell => cell.Value!.Value));
        Assert.True(pooled.Publication!.Audit.Passed);
        Assert.Empty(pooled.Publication!.Audit.Revelations);
    }

    [Fact]
    public void An_unchanged_pooled_period_is_republished_unchanged()
    {
        var years = Published(AgeTables, [2, 10], [9, 3], [4, 8]);
        var first = engine.ProtectPooled(new PooledRequest(years, AgeTables, new DisclosureSettings())).Publication!;

        var again = engine.ProtectPooled(new PooledRequest(years, AgeTables, new DisclosureSettings(), first.Tables));

        Assert.Equal(PooledOutcome.Published, again.Outcome);
        Assert.Equal(first.Tables, again.Publication!.Tables);
    }

    [Fact]
    public void A_pooled_figure_that_moved_by_less_than_k_since_the_earlier_pooled_publication_is_withheld()
    {
        var years = Published(AgeTables, [2, 10], [9, 3], [4, 8]);
        var first = engine.ProtectPooled(new PooledRequest(years, AgeTables, new DisclosureSettings())).Publication!;

        // One late registration about a minor in the last year: the year is republished first, then the period.
        var lastYear = new Cube([Tables.Age], [5, 8]);
        var republishedYear = engine.Protect(new DisclosureRequest(lastYear, AgeTables, new DisclosureSettings(), years[2].Publication));
        PooledYear[] now = [years[0], years[1], new PooledYear(years[2].Year, lastYear, republishedYear.Tables)];
        var again = engine.ProtectPooled(new PooledRequest(now, AgeTables, new DisclosureSettings(), first.Tables));

        Assert.Equal(PooledOutcome.Published, again.Outcome);
        Assert.Equal([37L, null, null], again.Publication!.AllCells().Select(cell => cell.Value));
        Assert.Equal([Revelation.TotalMovedByLessThanThreshold], again.Publication!.Audit.Revelations);
        Assert.True(again.Publication!.Audit.Passed);
    }

    [Fact]
    public void A_single_year_is_not_a_pooled_period()
    {
        var years = Published(AgeTables, [6, 7]);

        Assert.Throws<ArgumentException>(() => engine.ProtectPooled(new PooledRequest(years, AgeTables, new DisclosureSettings())));
    }

    private PooledYear[] Published(TableDefinition[] tables, params long[][] years) => Published(tables, new DisclosureSettings(), years);

    private PooledYear[] Published(IReadOnlyList<TableDefinition> tables, DisclosureSettings settings, params long[][] years) =>
        [.. years.Select((counts, y) =>
        {
            var cube = new Cube(counts.Length == 2 ? [Tables.Age] : [Tables.Age, Tables.Reporter, Tables.Outcome], counts);
            return new PooledYear(2023 + y, cube, engine.Protect(new DisclosureRequest(cube, tables, settings)).Tables);
        })];
}
