using Radikalisering.Core.Statistics;
using Radikalisering.Disclosure;

namespace Radikalisering.Tests.Disclosure;

/// <summary>
/// The replay gate's questions and the audit's ranges are answered by an exact search before CP-SAT (which decides what
/// the search gives up on). Both must agree with CP-SAT alone exactly: the same questions feasible (a "no" is a proof),
/// every cube the search finds meeting every constraint, the same ranges; and the search must settle nearly every question itself. The questions are built the way the gate builds them, from the real ladder of seeded
/// municipal years: the printed figures of admissible levels, the conditions their passed-over levels leave open, and
/// for withheld cells and known records the extremes and the small ranges the gate asks about.
/// </summary>
[Trait("Category", "Slow")]
public class CubeSearchEquivalenceTests
{
    private const int Threshold = 5;
    private static readonly DisclosureSettings KeyFigures = new(Threshold, Costs: DisclosureOptions.KeyFigureCosts);

    [Fact]
    public void The_search_answers_the_gates_questions_exactly_as_cp_sat_does()
    {
        var random = new Random(20261130);
        var (feasible, infeasible, gaveUp) = (0, 0, 0);
        foreach (var (tables, ladder, level, printed) in GateSituations(random, years: 40))
        {
            var passedOver = PassedOver(ladder, level, printed);
            var total = printed[0]!.Value;
            var gate = new CandidateSolver(tables, printed, passedOver, total);
            var cpSat = new CandidateSolver(tables, printed, passedOver, total, searchNodes: 0);
            foreach (var (query, amongCandidates) in Questions(random, tables, level).OrderBy(_ => random.Next()).Take(20))
            {
                var searched = gate.Search(query, amongCandidates, CancellationToken.None);
                var found = gate.Find(query, amongCandidates, CancellationToken.None);
                var solved = cpSat.Find(query, amongCandidates, CancellationToken.None);

                Assert.Equal(solved is null, found is null);
                if (searched.Outcome == SearchOutcome.OutOfBudget)
                {
                    gaveUp++;
                    continue;
                }

                Assert.Equal(solved is null, searched.Outcome == SearchOutcome.NoneExists);
                if (searched.Cube is null)
                {
                    infeasible++;
                    continue;
                }

                feasible++;
                Assert.True(IsCandidate(searched.Cube, tables, printed, amongCandidates ? passedOver : [], query), $"searched cube {string.Join(',', searched.Cube)}");
                Assert.True(IsCandidate(solved!, tables, printed, amongCandidates ? passedOver : [], query), $"solved cube {string.Join(',', solved!)}");
            }
        }

        // At least 90 % settled by the search: the implied cross-classifications' conditions (issue 21) add disjunctions
        // to the passed-over levels, and the search now gives up on 6–7 % (under 5 % before); CP-SAT answers those.
        Assert.True(feasible >= 1000 && infeasible >= 100 && gaveUp * 10 < feasible + infeasible, $"{feasible} feasible, {infeasible} infeasible, {gaveUp} given up");
    }

    [Fact]
    public void The_search_finds_the_same_ranges_as_cp_sat_for_ladder_levels_and_random_patterns()
    {
        var random = new Random(20261201);
        var patterns = 0;
        foreach (var (tables, _, level, _) in GateSituations(random, years: 25))
        {
            var ladderPattern = level.Published.Select(published => !published).ToArray();
            var randomPattern = tables.Cells.Select(_ => random.Next(3) == 0).ToArray();
            foreach (var suppressed in new[] { ladderPattern, randomPattern }.Where(pattern => pattern.Contains(true)))
            {
                Assert.Equal(
                    PublishedRanges.Of(tables, suppressed, CancellationToken.None, searchNodes: 0).Intervals,
                    PublishedRanges.Of(tables, suppressed, CancellationToken.None).Intervals);
                patterns++;
            }
        }

        Assert.True(patterns >= 50, $"{patterns} patterns");
    }

    [Fact]
    public void A_question_the_search_gives_up_on_is_answered_by_cp_sat()
    {
        var random = new Random(5);
        var (tables, ladder, level, printed) = GateSituations(random, years: 1).First();
        var passedOver = PassedOver(ladder, level, printed);
        var oneNode = new CandidateSolver(tables, printed, passedOver, printed[0]!.Value, searchNodes: 1);
        var withheld = tables.Cells.First(cell => !level.Published[cell.Index]);

        foreach (var query in new[] { new WitnessQuery([], withheld.Support, AtMost: 0, AtLeast: null), new WitnessQuery([], withheld.Support, AtMost: null, AtLeast: Threshold) })
        {
            Assert.Equal(SearchOutcome.OutOfBudget, oneNode.Search(query, amongCandidates: true, CancellationToken.None).Outcome);
            var answer = oneNode.Find(query, amongCandidates: true, CancellationToken.None);
            var expected = new CandidateSolver(tables, printed, passedOver, printed[0]!.Value, searchNodes: 0).Find(query, amongCandidates: true, CancellationToken.None);
            Assert.Equal(expected is null, answer is null);
        }
    }

    /// <summary>
    /// For seeded realistic years (5–40 concerns, the report's shares) and wide random ones, published by the default
    /// tables and by the six tables in turn: the first admissible levels of the ladder that withhold something.
    /// </summary>
    private static IEnumerable<(LinkedTables Tables, PublicationLadder Ladder, PublicationLevel Level, long?[] Printed)> GateSituations(Random random, int years)
    {
        for (var year = 0; year < years; year++)
        {
            var cube = year % 4 == 3 ? RandomCubes.Concern(random) : RealisticYear(random);
            var tables = LinkedTables.Build(cube, year % 2 == 0 ? Tables.DefaultTables : Tables.ConcernTables);
            var ladder = PublicationLadder.TryBuild(tables, KeyFigures)!;
            foreach (var level in ladder.Levels.Where(level => level.Published.Contains(false) && Admissible(ladder, level, tables)).Take(3))
            {
                yield return (tables, ladder, level, [.. tables.Cells.Select(cell => level.Published[cell.Index] ? cell.Value : (long?)null)]);
            }
        }
    }

    private static Cube RealisticYear(Random random)
    {
        var counts = new long[18];
        var total = random.Next(5, 41);
        for (var concern = 0; concern < total; concern++)
        {
            counts[(((Pick(random, [0.60, 0.40]) * 3) + Pick(random, [0.55, 0.30, 0.15])) * 3) + Pick(random, [0.25, 0.65, 0.10])]++;
        }

        return new Cube([Tables.Age, Tables.Reporter, Tables.Outcome], counts);
    }

    private static int Pick(Random random, double[] shares)
    {
        var draw = random.NextDouble();
        var choice = 0;
        while (choice < shares.Length - 1 && (draw -= shares[choice]) >= 0)
        {
            choice++;
        }

        return choice;
    }

    private static bool Admissible(PublicationLadder ladder, PublicationLevel level, LinkedTables tables) =>
        tables.Cells.All(cell => !level.Published[cell.Index] || cell.Value >= Threshold)
        && ladder.Conditions(level, tables.Cube.Total).All(condition => condition.HoldsFor(condition.Cells.Sum(index => tables.Cells[index].Value)));

    /// <summary>For every cheaper level that prints something this one withholds, the conditions the printed figures leave open, unless one of them already fails.</summary>
    private static List<AdmissionCondition[]> PassedOver(PublicationLadder ladder, PublicationLevel level, long?[] printed) =>
        [.. ladder.Levels.Take(level.Index)
            .Where(earlier => Enumerable.Range(0, printed.Length).Any(index => earlier.Published[index] && !level.Published[index]))
            .Select(earlier => ladder.Conditions(earlier, printed[0]!.Value))
            .Where(conditions => !conditions.Any(condition => condition.Cells.All(index => printed[index] is not null) && !condition.HoldsFor(condition.Cells.Sum(index => printed[index]!.Value))))
            .Select(conditions => conditions.Where(condition => condition.Cells.Any(index => printed[index] is null)).ToArray())];

    /// <summary>The gate's kinds of question about the level's withheld cells, for no known record and for a known record in each cube cell.</summary>
    private static IEnumerable<(WitnessQuery Query, bool AmongCandidates)> Questions(Random random, LinkedTables tables, PublicationLevel level)
    {
        var cubeCells = tables.Cube.CellCount;
        foreach (var cell in tables.Cells.Where(cell => !level.Published[cell.Index]))
        {
            foreach (var known in new[] { Array.Empty<int>(), [random.Next(cubeCells)] })
            {
                var shift = known.Count(cell.Support.Contains);
                yield return (new WitnessQuery(known, cell.Support, AtMost: shift, AtLeast: null), true);
                yield return (new WitnessQuery(known, cell.Support, AtMost: null, AtLeast: Threshold + shift), true);
                yield return (new WitnessQuery(known, cell.Support, AtMost: null, AtLeast: 1 + shift), false);
                yield return (new WitnessQuery(known, cell.Support, AtMost: Threshold - 1 + shift, AtLeast: null), false);
            }

            var outside = Enumerable.Range(0, cubeCells).Where(cubeCell => !cell.Support.Contains(cubeCell)).ToArray();
            yield return (new WitnessQuery(outside, cell.Support, AtMost: 0, AtLeast: null), true);
            yield return (new WitnessQuery([.. Enumerable.Range(0, cubeCells)], cell.Support, AtMost: null, AtLeast: Threshold + 1), true);
            yield return (new WitnessQuery([random.Next(cubeCells)], [], AtMost: null, AtLeast: null), false);
        }
    }

    /// <summary>Checked from the tables, independently of the search: prints the figures, meets the query, fails a condition of every passed-over level.</summary>
    private static bool IsCandidate(long[] cube, LinkedTables tables, long?[] printed, List<AdmissionCondition[]> passedOver, WitnessQuery query)
    {
        var sums = tables.Cells.Select(cell => cell.Support.Sum(cubeCell => cube[cubeCell])).ToArray();
        var target = query.Support.Sum(cubeCell => cube[cubeCell]);
        return cube.All(count => count >= 0)
            && tables.Cells.All(cell => printed[cell.Index] is not { } value || sums[cell.Index] == value)
            && target >= (query.AtLeast ?? long.MinValue) && target <= (query.AtMost ?? long.MaxValue)
            && query.KnownRecords.All(cubeCell => cube[cubeCell] >= 1)
            && passedOver.All(conditions => conditions.Any(condition => !condition.HoldsFor(condition.Cells.Sum(index => sums[index]))));
    }
}
