using Radikalisering.Disclosure;

namespace Radikalisering.Tests.Disclosure;

/// <summary>
/// The promise against an intruder who replays the method (<see cref="ReplayAttacker"/>): every cube of each
/// small total is protected and grouped by what is printed; in every group every withheld cell that some cube makes
/// small could be empty and could hold k or more, and no line of a withheld two-way table is certainly all in one
/// cell, for the intruder who knows no record and for one who knows one record in any cube cell. With one-way tables
/// only (the report's default) the implied cross-classifications are checked too: for the outsider no cross cell's
/// least value is 1 to k − 1 and no line is certainly in one cell; what an insider learns there is declared.
/// The 18-cell concern cube is enumerated up to 6 records (100,947 cubes of 6; 7 records would add 346,104 and
/// about a minute and a half on the shared build machine), the smaller cubes further.
/// </summary>
[Trait("Category", "Slow")]
public class ReplayAttackerTests
{
    private static readonly DisclosureEngine Engine = new();
    private static readonly Dimension A = new("a", ["a1", "a2"]);
    private static readonly Dimension B = new("b", ["b1", "b2", "b3"]);
    private static readonly Dimension C = new("c", ["c1", "c2"]);
    private static readonly Dimension Y = new("y", ["y1", "y2"]);

    public static TheoryData<int, int> ConcernTotals() => new() { { 3, 0 }, { 3, 2 }, { 3, 3 }, { 3, 4 }, { 3, 5 }, { 3, 6 }, { 5, 0 }, { 5, 4 }, { 5, 5 }, { 5, 6 } };

    [Theory]
    [MemberData(nameof(ConcernTotals))]
    public void Every_concern_cube_of_a_small_total_published_with_both_two_way_tables_keeps_the_promise_against_a_replaying_intruder(int threshold, int total)
    {
        var attacker = new ReplayAttacker(Engine, [Tables.Age, Tables.Reporter, Tables.Outcome], Tables.ConcernTables, new DisclosureSettings(threshold));

        Assert.Empty(attacker.Breaches(total).Take(5));
    }

    [Theory]
    [MemberData(nameof(ConcernTotals))]
    public void Every_concern_cube_of_a_small_total_published_by_the_default_tables_keeps_the_promise_against_a_replaying_intruder(int threshold, int total)
    {
        var attacker = new ReplayAttacker(Engine, [Tables.Age, Tables.Reporter, Tables.Outcome], Tables.DefaultTables, new DisclosureSettings(threshold));

        Assert.Empty(attacker.Breaches(total).Take(5));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    public void Every_two_way_cube_up_to_fourteen_records_published_by_its_one_way_tables_keeps_the_promise_against_a_replaying_intruder(int threshold)
    {
        var attacker = new ReplayAttacker(Engine, [A, B], [Tables.Total, Tables.By("a"), Tables.By("b")], new DisclosureSettings(threshold));

        Assert.All(Enumerable.Range(0, 15), total => Assert.Empty(attacker.Breaches(total).Take(5)));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    public void Every_three_way_cube_up_to_ten_records_published_by_its_one_way_tables_keeps_the_promise_against_a_replaying_intruder(int threshold)
    {
        var attacker = new ReplayAttacker(Engine, [A, C, Y], [Tables.Total, Tables.By("a"), Tables.By("c"), Tables.By("y")], new DisclosureSettings(threshold));

        Assert.All(Enumerable.Range(0, 11), total => Assert.Empty(attacker.Breaches(total).Take(5)));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    public void Every_two_way_cube_published_by_its_one_way_tables_and_republished_after_an_earlier_publication_keeps_the_promise_against_a_replaying_intruder(int threshold)
    {
        var attacker = new ReplayAttacker(Engine, [A, B], [Tables.Total, Tables.By("a"), Tables.By("b")], new DisclosureSettings(threshold));
        long[][] earlierYears = [[4, 4, 4, 3, 3, 3], [6, 5, 6, 5, 6, 5], [9, 0, 0, 5, 1, 1], [0, 0, 5, 0, 0, 5]];

        Assert.All(earlierYears, earlierYear =>
        {
            var earlier = attacker.Publish(earlierYear);
            var before = (int)earlierYear.Sum();
            Assert.All(Enumerable.Range(before - threshold, 2 * threshold), total => Assert.Empty(attacker.Breaches(total, earlier).Take(5)));
        });
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_late_record_in_any_cube_cell_gives_the_same_republication_so_it_does_not_tell_which_figure_moved(bool twoWayTables)
    {
        // The 2025: 25 concerns, pending 8 / confirmed 5 / dismissed 12, reporters 13 / 8 / 4, 15 minors.
        long[] year =
        [
            2, 2, 4, 2, 1, 2, 1, 0, 1,
            1, 1, 3, 1, 0, 2, 1, 1, 0,
        ];
        var tables = twoWayTables ? Tables.ConcernTables : Tables.DefaultTables;
        var settings = new DisclosureSettings(5);
        var first = Engine.Protect(new DisclosureRequest(new Cube([Tables.Age, Tables.Reporter, Tables.Outcome], year), tables, settings));
        Assert.Contains(first.Tables.Where(table => table.Definition.Dimensions.Count > 0).SelectMany(table => table.Cells), cell => cell.Value is not null);

        var republications = Enumerable.Range(0, year.Length).Select(cell =>
        {
            long[] late = [.. year];
            late[cell]++;
            return Engine.Protect(new DisclosureRequest(new Cube([Tables.Age, Tables.Reporter, Tables.Outcome], late), tables, settings, first.Tables));
        }).ToArray();

        Assert.Single(republications.Select(ReplayAttacker.Printed).Distinct());
        Assert.All(republications, again =>
        {
            Assert.Equal(26, again.Cell("total").Value);
            Assert.True(again.Audit.Passed);
            Assert.Contains(Revelation.TotalMovedByLessThanThreshold, again.Audit.Revelations);
        });
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    public void Every_two_way_cube_up_to_fourteen_records_keeps_the_promise_against_a_replaying_intruder(int threshold)
    {
        var attacker = new ReplayAttacker(Engine, [A, B], [Tables.Total, Tables.By("a"), Tables.By("b"), Tables.By("a", "b")], new DisclosureSettings(threshold));

        Assert.All(Enumerable.Range(0, 15), total => Assert.Empty(attacker.Breaches(total).Take(5)));
    }

    public static TheoryData<long[]> EarlierThreeWayYears() => new()
    {
        new long[] { 4, 0, 0, 4, 0, 0, 0, 0 },
        new long[] { 4, 0, 0, 0, 0, 0, 1, 4 },
        new long[] { 0, 4, 0, 0, 0, 0, 4, 1 },
    };

    [Theory]
    [MemberData(nameof(EarlierThreeWayYears))]
    public void Every_three_way_cube_republished_after_an_earlier_year_keeps_the_promise_against_a_replaying_intruder(long[] earlierYear)
    {
        TableDefinition[] tables = [Tables.Total, Tables.By("a"), Tables.By("c"), Tables.By("y"), Tables.By("a", "y"), Tables.By("c", "y")];
        var attacker = new ReplayAttacker(Engine, [A, C, Y], tables, new DisclosureSettings(3));
        var earlier = attacker.Publish(earlierYear);
        var before = (int)earlierYear.Sum();

        Assert.Contains(earlier.Where(table => table.Definition.Dimensions.Count > 0).SelectMany(table => table.Cells), cell => cell.Value is not null);
        Assert.All(Enumerable.Range(before - 2, 5), total => Assert.Empty(attacker.Breaches(total, earlier).Take(5)));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    public void Every_two_way_cube_republished_after_an_earlier_publication_keeps_the_promise_against_a_replaying_intruder(int threshold)
    {
        var attacker = new ReplayAttacker(Engine, [A, B], [Tables.Total, Tables.By("a"), Tables.By("b"), Tables.By("a", "b")], new DisclosureSettings(threshold));
        long[][] earlierYears = [[4, 1, 4, 3, 0, 0], [3, 3, 3, 3, 3, 3], [6, 0, 0, 2, 1, 1], [0, 0, 5, 0, 0, 5]];

        Assert.All(earlierYears, earlierYear =>
        {
            var earlier = attacker.Publish(earlierYear);
            var before = (int)earlierYear.Sum();
            Assert.All(Enumerable.Range(before - threshold, 2 * threshold), total => Assert.Empty(attacker.Breaches(total, earlier).Take(5)));
        });
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    public void Every_three_way_cube_up_to_ten_records_keeps_the_promise_against_a_replaying_intruder(int threshold)
    {
        TableDefinition[] tables = [Tables.Total, Tables.By("a"), Tables.By("c"), Tables.By("y"), Tables.By("a", "y"), Tables.By("c", "y")];
        var attacker = new ReplayAttacker(Engine, [A, C, Y], tables, new DisclosureSettings(threshold));

        Assert.All(Enumerable.Range(0, 11), total => Assert.Empty(attacker.Breaches(total).Take(5)));
    }
}
