using System.Diagnostics;
using System.Globalization;
using Radikalisering.Core.Statistics;
using Radikalisering.Disclosure;

namespace Radikalisering.Benchmarks;

/// <summary>
/// How much each method prints over a seeded corpus of municipal years: the share of printed cells per table and
/// the share of years whose total, under-18 count and confirmed count are printed, for the ladder with the key
/// figures' costs. Run with <c>dotnet run -c Release --project tests/Radikalisering.Benchmarks -- utility [years]</c>.
/// </summary>
internal static class UtilityReport
{
    private static readonly Dimension Age = new("age", ["under18", "adult"]);
    private static readonly Dimension Reporter = new("reporter", ["municipalEmployee", "otherAuthority", "other"]);
    private static readonly Dimension Outcome = new("outcome", ["pending", "confirmed", "dismissed"]);
    private static readonly TableDefinition[] OneWay = [new("total", []), new("age", ["age"]), new("reporter", ["reporter"]), new("outcome", ["outcome"])];
    private static readonly TableDefinition[] AllTables = [.. OneWay, new("age,outcome", ["age", "outcome"]), new("reporter,outcome", ["reporter", "outcome"])];

    /// <summary>Shares of minors, reporters and outcomes: the realistic mix and three skewed ones, a quarter of the years each.</summary>
    private static readonly (string Name, double[] Age, double[] Reporter, double[] Outcome)[] Mixes =
    [
        ("realistic", [0.60, 0.40], [0.55, 0.30, 0.15], [0.25, 0.65, 0.10]),
        ("mostly minors", [0.90, 0.10], [0.55, 0.30, 0.15], [0.25, 0.65, 0.10]),
        ("one reporter", [0.60, 0.40], [0.85, 0.10, 0.05], [0.25, 0.65, 0.10]),
        ("mostly pending", [0.60, 0.40], [0.55, 0.30, 0.15], [0.60, 0.30, 0.10]),
    ];

    private static readonly DisclosureSettings KeyFigures = new(5, Costs: DisclosureOptions.KeyFigureCosts);

    /// <summary>A new realistic municipal year (total 5–40) as the report protects it: six tables, key-figure costs.</summary>
    internal static DisclosureRequest RealisticYear(Random random) => new(Year(random, Mixes[0]), AllTables, KeyFigures);

    public static void Run(int years)
    {
        var engine = new DisclosureEngine();
        var tally = new Tally("ladder with key-figure costs");
        var random = new Random(2026);
        var corpus = Enumerable.Range(0, years).Select(year => Year(random, Mixes[year % Mixes.Length])).ToArray();
        var results = new (DisclosureResult Result, TimeSpan LadderTime)[years];
        var done = 0;

        // Two years at a time: the results are tallied in corpus order afterwards, so the report does not depend on scheduling.
        Parallel.For(0, years, new ParallelOptions { MaxDegreeOfParallelism = 2 }, year =>
        {
            var cube = corpus[year];
            var ladderTime = Stopwatch.StartNew();
            var ladder = engine.Protect(new DisclosureRequest(cube, AllTables, KeyFigures));
            ladderTime.Stop();
            results[year] = (ladder, ladderTime.Elapsed);
            if (Interlocked.Increment(ref done) % 50 == 0)
            {
                Console.Error.WriteLine($"{done} years");
            }
        });

        foreach (var (result, _) in results)
        {
            tally.Add(result);
        }

        var ladderSeconds = results.Average(result => result.LadderTime.TotalSeconds);
        Console.WriteLine($"{years} seeded years (seed 2026), totals 5–40, k = 5; ladder {ladderSeconds:0.00} s a year on average (two years at a time).");
        Console.WriteLine();
        Console.WriteLine("| method | " + string.Join(" | ", AllTables.Select(table => $"cells of {table.Name}")) + " | years with total | with under-18 | with confirmed | audit passed |");
        Console.WriteLine("|---|" + string.Concat(Enumerable.Repeat("---|", AllTables.Length + 4)));
        Console.WriteLine(tally.Row(years));
    }

    /// <summary>
    /// How often "the three years together" adds figures: seeded windows of three sparse years (totals 5–15, the four
    /// mixes in turn) and windows whose middle year is under k (0–4), each year published by the ladder with the key
    /// figures' costs, then pooled. Run with <c>dotnet run -c Release --project tests/Radikalisering.Benchmarks -- utility pooled [windows]</c>.
    /// </summary>
    public static void RunPooled(int windows)
    {
        var engine = new DisclosureEngine();
        var random = new Random(2026);
        foreach (var (name, smallMiddle) in new[] { ("three sparse years (5–15)", false), ("middle year under k (0–4)", true) })
        {
            var outcomes = new Dictionary<PooledOutcome, int>();
            var printed = AllTables.ToDictionary(table => table.Name, _ => 0);
            var added = 0;
            var time = Stopwatch.StartNew();
            for (var window = 0; window < windows; window++)
            {
                var mix = Mixes[window % Mixes.Length];
                var years = Enumerable.Range(0, 3).Select(y =>
                {
                    var cube = Year(random, mix, smallMiddle && y == 1 ? (0, 4) : (5, 15));
                    return new PooledYear(2023 + y, cube, engine.Protect(new DisclosureRequest(cube, AllTables, KeyFigures)).Tables);
                }).ToArray();
                var pooled = engine.ProtectPooled(new PooledRequest(years, AllTables, KeyFigures));
                outcomes[pooled.Outcome] = outcomes.GetValueOrDefault(pooled.Outcome) + 1;
                foreach (var table in pooled.Publication?.Tables ?? [])
                {
                    printed[table.Definition.Name] += table.Cells.Count(cell => cell.Value is not null);
                    added += table.Cells.Where(cell => cell.Value is not null).Count(cell => years.Any(year => year.Publication
                        .Single(own => own.Definition.Name == table.Definition.Name).Cells.Single(own => own.Categories.SequenceEqual(cell.Categories)).Value is null));
                }
            }

            Console.WriteLine($"{name}: {windows} windows (seed 2026), k = 5, {time.Elapsed.TotalSeconds / windows:0.0} s a window; outcomes "
                + string.Join(", ", outcomes.OrderBy(pair => pair.Key).Select(pair => $"{pair.Key} {pair.Value}")));
            Console.WriteLine("  pooled cells printed per table (all windows): " + string.Join(", ", printed.Select(pair => $"{pair.Key} {pair.Value}"))
                + $"; of those withheld in at least one year: {added}");
        }
    }

    private static Cube Year(Random random, (string Name, double[] Age, double[] Reporter, double[] Outcome) mix, (int Least, int Most) totals = default)
    {
        var counts = new long[18];
        var total = totals == default ? random.Next(5, 41) : random.Next(totals.Least, totals.Most + 1);
        for (var concern = 0; concern < total; concern++)
        {
            counts[(((Pick(random, mix.Age) * 3) + Pick(random, mix.Reporter)) * 3) + Pick(random, mix.Outcome)]++;
        }

        return new Cube([Age, Reporter, Outcome], counts);
    }

    private static int Pick(Random random, double[] shares)
    {
        var draw = random.NextDouble();
        for (var i = 0; i < shares.Length - 1; i++)
        {
            draw -= shares[i];
            if (draw < 0)
            {
                return i;
            }
        }

        return shares.Length - 1;
    }

    private sealed class Tally(string name)
    {
        private readonly Dictionary<string, (int Printed, int Cells)> cells = [];
        private int totals;
        private int minors;
        private int confirmed;
        private int passed;

        public void Add(DisclosureResult result)
        {
            foreach (var table in AllTables)
            {
                var printed = result.Tables.FirstOrDefault(published => published.Definition.Name == table.Name);
                var size = table.Dimensions.Aggregate(1, (product, dimension) => product * (dimension switch { "age" => 2, _ => 3 }));
                var (soFar, all) = cells.GetValueOrDefault(table.Name);
                cells[table.Name] = (soFar + (printed?.Cells.Count(cell => cell.Value is not null) ?? 0), all + size);
            }

            totals += Printed(result, "total", []) ? 1 : 0;
            minors += Printed(result, "age", ["under18"]) ? 1 : 0;
            confirmed += Printed(result, "outcome", ["confirmed"]) ? 1 : 0;
            passed += result.Audit.Passed ? 1 : 0;
        }

        public string Row(int years) =>
            $"| {name} | " + string.Join(" | ", AllTables.Select(table => Percent(cells[table.Name].Printed, cells[table.Name].Cells)))
            + $" | {Percent(totals, years)} | {Percent(minors, years)} | {Percent(confirmed, years)} | {Percent(passed, years)} |";

        private static bool Printed(DisclosureResult result, string table, string[] categories) =>
            result.Tables.FirstOrDefault(published => published.Definition.Name == table)?.Cells.Single(cell => cell.Categories.SequenceEqual(categories)).Value is not null;

        private static string Percent(int part, int whole) => (100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + " %";
    }
}
