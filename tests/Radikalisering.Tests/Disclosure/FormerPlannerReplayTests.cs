using Radikalisering.Disclosure;
using Xunit.Abstractions;

namespace Radikalisering.Tests.Disclosure;

/// <summary>
/// The former complementary planner (still used for rollups) against the same replaying intruder as the ladder:
/// every 2 × 3 cube of k to k + 3 records is published both ways. Where the planner prints a figure the ladder
/// withholds, the intruder who replays the planner breaks the promise in most of those publications: the figures
/// the ladder gives up are largely the unsafe ones. The counts are written to the test output for the documentation.
/// </summary>
[Trait("Category", "Slow")]
public class FormerPlannerReplayTests(ITestOutputHelper output)
{
    private static readonly Dimension A = new("a", ["a1", "a2"]);
    private static readonly Dimension B = new("b", ["b1", "b2", "b3"]);

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    public void Most_years_where_the_former_planner_printed_more_than_the_ladder_are_broken_by_a_replaying_intruder(int threshold)
    {
        TableDefinition[] tables = [Tables.Total, Tables.By("a"), Tables.By("b"), Tables.By("a", "b")];
        var settings = new DisclosureSettings(threshold);
        var planner = new ReplayAttacker(request => DisclosureEngine.ProtectByPlanner(request, LinkedTables.Build(request.Cube, request.Tables), CancellationToken.None), [A, B], tables, settings);
        var ladder = new DisclosureEngine();
        int years = 0, plannerBroken = 0, extraYears = 0, extraYearsBroken = 0, extraCells = 0, extraCellsBroken = 0;

        foreach (var total in Enumerable.Range(threshold, 4))
        {
            foreach (var (counts, result, breached) in planner.Survey(total))
            {
                var ours = ladder.Protect(new DisclosureRequest(new Cube([A, B], counts), tables, settings));
                var extra = result.AllCells().Zip(ours.AllCells()).Count(pair => pair.First.Value is not null && pair.Second.Value is null);
                years++;
                plannerBroken += breached ? 1 : 0;
                if (extra > 0)
                {
                    extraYears++;
                    extraCells += extra;
                    extraYearsBroken += breached ? 1 : 0;
                    extraCellsBroken += breached ? extra : 0;
                }
            }
        }

        output.WriteLine($"k = {threshold}: {years} years; the planner's publication is broken in {plannerBroken}; it prints more than the ladder in {extraYears} years ({extraCells} cells), of which {extraYearsBroken} years ({extraCellsBroken} cells) are broken.");
        Assert.True(2 * extraYearsBroken > extraYears, $"{extraYearsBroken} of {extraYears} years");
    }
}
