using Radikalisering.Disclosure;
using Xunit.Abstractions;

namespace Radikalisering.Tests.Disclosure;

/// <summary>
/// The pooled publication against an intruder who replays the method on every year and on the pooled years
/// (<see cref="PooledReplayAttacker"/>): every combination of year cubes of the given totals is published year by year
/// and pooled, and the promise is checked in every group of stacked cubes that print the same. The counts are written
/// to the test output for the documentation.
/// </summary>
[Trait("Category", "Slow")]
public class PooledReplayAttackerTests(ITestOutputHelper output)
{
    private static readonly DisclosureEngine Engine = new();

    [Fact]
    public void Three_years_of_the_two_cell_cube_keep_the_promise_when_pooled()
    {
        var attacker = new PooledReplayAttacker(Engine, [Tables.Age], [Tables.Total, Tables.By("age")], new DisclosureSettings(3), yearCount: 3);

        var breaches = attacker.Breaches(Enumerable.Range(0, 7));

        AssertNoBreach(attacker, breaches);
    }

    [Fact]
    public void Two_years_of_a_two_by_two_cube_with_its_two_way_table_keep_the_promise_when_pooled()
    {
        Dimension a = new("a", ["a1", "a2"]);
        Dimension b = new("b", ["b1", "b2"]);
        var attacker = new PooledReplayAttacker(Engine, [a, b], [Tables.Total, Tables.By("a"), Tables.By("b"), Tables.By("a", "b")], new DisclosureSettings(3), yearCount: 2);

        var breaches = attacker.Breaches(Enumerable.Range(0, 7));

        AssertNoBreach(attacker, breaches);
    }

    [Fact]
    public void Two_years_of_a_two_by_two_cube_with_its_one_way_tables_only_keep_the_promise_when_pooled()
    {
        Dimension a = new("a", ["a1", "a2"]);
        Dimension b = new("b", ["b1", "b2"]);
        var attacker = new PooledReplayAttacker(Engine, [a, b], [Tables.Total, Tables.By("a"), Tables.By("b")], new DisclosureSettings(3), yearCount: 2);

        var breaches = attacker.Breaches(Enumerable.Range(0, 7));

        AssertNoBreach(attacker, breaches);
    }

    [Fact]
    public void Three_years_of_the_two_cell_cube_keep_the_promise_when_the_period_is_republished()
    {
        var attacker = new PooledReplayAttacker(Engine, [Tables.Age], [Tables.Total, Tables.By("age")], new DisclosureSettings(3), yearCount: 3);
        var earlier = attacker.Publish([1, 5], [5, 1], [2, 4]);

        var breaches = attacker.Breaches(Enumerable.Range(0, 7), earlier);

        Assert.NotNull(earlier.Pooled);
        output.WriteLine($"after {string.Join(" / ", earlier.Pooled.Select(table => string.Join(',', table.Cells.Select(cell => cell.Value))))}");
        AssertNoBreach(attacker, breaches);
    }

    private void AssertNoBreach(PooledReplayAttacker attacker, IReadOnlyList<string> breaches)
    {
        output.WriteLine($"{attacker.Counts.Cubes} stacked cubes, {attacker.Counts.Groups} groups, {attacker.Counts.PooledGroups} with pooled figures");
        foreach (var breach in breaches.Take(20))
        {
            output.WriteLine(breach);
        }

        Assert.Empty(breaches.Take(5));
    }
}
