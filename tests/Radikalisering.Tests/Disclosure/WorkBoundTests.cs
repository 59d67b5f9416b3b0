using System.Diagnostics;
using Radikalisering.Disclosure;

namespace Radikalisering.Tests.Disclosure;

/// <summary>
/// Every protection ends: a cube of millions of concerns with a few tiny cells (the kind that ran for minutes) is
/// protected in seconds, and a gate past its work bound withholds more instead of running on, and says so.
/// </summary>
public class WorkBoundTests
{
    /// <summary>Before the bound, one of these ran for over a minute without observing cancellation (propagation narrowing by one per pass).</summary>
    public static TheoryData<int, long[]> LargeCubesWithTinyCells => new()
    {
        { 7, [479085, 2, 279712, 371709, 1244585, 1510429, 1854453, 1178800, 569144, 884757, 3, 1743848, 358277, 1850713, 1635012, 114516, 1566061, 491347] },
        { 6, [1321877, 2, 84847, 1687133, 898039, 889632, 5, 1609767, 1733347, 4, 349874, 771963, 5, 2, 1542737, 224079, 0, 4] },
        { 10, [1, 3, 619711, 388389, 990596, 1180083, 1135034, 740022, 970433, 416561, 374154, 1964012, 277937, 1085038, 2, 160385, 1536062, 752775] },
    };

    [Theory]
    [MemberData(nameof(LargeCubesWithTinyCells))]
    public void A_cube_of_millions_with_tiny_cells_is_protected_within_seconds_and_withholds_every_tiny_cell(int threshold, long[] counts)
    {
        var cube = new Cube([Tables.Age, Tables.Reporter, Tables.Outcome], counts);
        var tables = Tables.ConcernTables;
        var watch = Stopwatch.StartNew();

        var result = new DisclosureEngine().Protect(new DisclosureRequest(cube, tables, new DisclosureSettings(threshold)));

        // Generous for a loaded shared machine: the unbounded engine did not finish in minutes.
        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(60));
        Assert.True(result.Audit.Passed);
        var linked = result.Tables.SelectMany(table => table.Cells.Select(cell => (table.Definition, cell)));
        Assert.All(linked.Where(pair => pair.cell.Value is { } value && pair.Definition.Dimensions.Count > 0), pair => Assert.True(pair.cell.Value >= threshold));
    }

    [Fact]
    public void An_audit_range_past_its_solver_bound_is_an_outer_bound_read_from_the_figures_and_says_it_is_not_exact()
    {
        // The reporter table withheld: a reporter's range is asked of CP-SAT (no printed figure settles either end).
        var tables = LinkedTables.Build(new Cube([Tables.Age, Tables.Reporter], [2, 3, 4, 5, 6, 7]), [Tables.Total, Tables.By("age"), Tables.By("reporter")]);
        var suppressed = tables.Cells.Select(cell => cell.Table.Name == "reporter").ToArray();
        var support = tables.Cells.First(cell => suppressed[cell.Index]).Support;
        var exact = new IntruderView(tables, suppressed, searchBound: 28);
        var bounded = new IntruderView(tables, suppressed, searchBound: 28, solverTime: 0);

        var exactRange = exact.Interval(support, CancellationToken.None);
        var boundedRange = bounded.Interval(support, CancellationToken.None);

        Assert.True(exact.Exact);
        Assert.Equal((0L, 27L), exactRange);
        Assert.False(bounded.Exact);
        Assert.True(boundedRange.Minimum <= exactRange.Minimum && boundedRange.Maximum >= exactRange.Maximum, $"{boundedRange} does not hold {exactRange}");
    }

    [Fact]
    public void A_year_whose_every_gate_passes_its_bound_is_withheld_whole_and_the_audit_says_why()
    {
        // A small cell: the level printing everything is not admissible, and every other level's gate must ask the solver.
        var cube = new Cube([Tables.Age, Tables.Reporter], [1, 1, 1, 5, 6, 7]);
        var noQuestions = new DisclosureEngine(() => new WorkBound(questions: 0, solverTime: 1));

        var result = noQuestions.Protect(Tables.Request(cube, [Tables.Total, Tables.By("age"), Tables.By("reporter")]));

        Assert.True(result.Audit.WorkBoundReached);
        Assert.True(result.WholePublicationSuppressed);
        Assert.All(result.AllCells(), cell => Assert.Null(cell.Value));
        Assert.True(result.Audit.Passed);
    }

    [Fact]
    public void The_same_year_within_the_default_bound_prints_its_total_and_reaches_no_bound()
    {
        var cube = new Cube([Tables.Age, Tables.Reporter], [1, 1, 1, 5, 6, 7]);

        var result = new DisclosureEngine().Protect(Tables.Request(cube, [Tables.Total, Tables.By("age"), Tables.By("reporter")]));

        Assert.False(result.Audit.WorkBoundReached);
        Assert.Equal(21, result.Cell("total").Value);
        Assert.Null(result.Cell("age", "under18").Value);
        Assert.Equal(6, result.Cell("reporter", "municipalEmployee").Value);
    }

    [Fact]
    public void A_gate_past_its_bound_fails_with_the_bound_as_its_reason_and_the_same_inputs_give_the_same_verdict()
    {
        var cube = new Cube([Tables.Age, Tables.Reporter], [1, 1, 1, 5, 6, 7]);
        var tables = LinkedTables.Build(cube, [Tables.Total, Tables.By("age"), Tables.By("reporter")]);
        var ladder = PublicationLadder.TryBuild(tables, new DisclosureSettings(5))!;
        var level = ladder.Levels[^1];
        long?[] printed = [.. tables.Cells.Select(cell => level.Published[cell.Index] ? cell.Value : (long?)null)];

        var bounded = ReplayGate.Check(ladder, level, printed, new WorkBound(questions: 1, solverTime: 1), CancellationToken.None);
        var again = ReplayGate.Check(ladder, level, printed, new WorkBound(questions: 1, solverTime: 1), CancellationToken.None);
        var unbounded = ReplayGate.Check(ladder, level, printed, WorkBound.ForGate(), CancellationToken.None);

        Assert.False(bounded.Passed);
        Assert.True(bounded.BoundReached);
        Assert.Equal(bounded, again);
        Assert.True(unbounded.Passed);
        Assert.False(unbounded.BoundReached);
    }
}
