using System.Diagnostics;
using System.Globalization;
using Radikalisering.Core.Statistics;
using Radikalisering.Disclosure;

namespace Radikalisering.Benchmarks;

/// <summary>
/// How much the report prints with its default tables (the grand total and the three one-way tables) against the
/// tables it printed before (the same with age × outcome and reporter × outcome), both by the ladder with the
/// application's key-figure costs: per mix of minors, reporters and outcomes, the share of years whose total,
/// under-18 count and confirmed count are printed, and whose age, reporter and outcome tables are printed whole;
/// then every year in which the default prints a one-way figure the six tables print and it does not. Run with
/// <c>dotnet run -c Release --project tests/Radikalisering.Benchmarks -- utility [years per mix] [file]</c>; with a file,
/// every year's two publications are written to it, one line each, to compare runs of different engine versions.
/// </summary>
internal static class UtilityReport
{
    private static readonly Dimension Age = new("age", ["under18", "adult"]);
    private static readonly Dimension Reporter = new("reporter", ["municipalEmployee", "otherAuthority", "other"]);
    private static readonly Dimension Outcome = new("outcome", ["pending", "confirmed", "dismissed"]);
    private static readonly TableDefinition[] DefaultTables = Definitions(new DisclosureOptions());
    private static readonly TableDefinition[] SixTables = Definitions(new DisclosureOptions { Tables = [.. DisclosureOptions.DefaultTables, "age,outcome", "reporter,outcome"] });
    private static readonly string[] OneWay = ["age", "reporter", "outcome"];

    /// <summary>Shares of minors, reporters and outcomes.</summary>
    private static readonly (string Name, double[] Age, double[] Reporter, double[] Outcome)[] Mixes =
    [
        ("60 % minors (realistic)", [0.60, 0.40], [0.55, 0.30, 0.15], [0.25, 0.65, 0.10]),
        ("20 % minors", [0.20, 0.80], [0.55, 0.30, 0.15], [0.25, 0.65, 0.10]),
        ("90 % minors", [0.90, 0.10], [0.55, 0.30, 0.15], [0.25, 0.65, 0.10]),
        ("20 % minors, mostly pending", [0.20, 0.80], [0.55, 0.30, 0.15], [0.60, 0.30, 0.10]),
    ];

    private static readonly DisclosureSettings KeyFigures = new(5, Costs: DisclosureOptions.KeyFigureCosts);

    /// <summary>A new realistic municipal year (total 5–40) as the report protects it: the default tables, key-figure costs.</summary>
    internal static DisclosureRequest RealisticYear(Random random) => new(Year(random, Mixes[0], (5, 40)), DefaultTables, KeyFigures);

    public static void Run(int yearsPerMix, string? publications = null)
    {
        using var dump = publications is null ? null : new StreamWriter(publications);
        var engine = new DisclosureEngine();
        var fewer = new List<string>();
        Console.WriteLine($"{yearsPerMix} seeded years a mix (seed 2026 + mix), totals 8–40, k = 5, key-figure costs; both by the ladder, two years at a time.");
        Console.WriteLine();
        Console.WriteLine("| mix | tables | years with total | with under-18 | with confirmed | key figures printed | whole age table | whole reporter table | whole outcome table | ladder per year |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        for (var m = 0; m < Mixes.Length; m++)
        {
            var random = new Random(2026 + m);
            var corpus = Enumerable.Range(0, yearsPerMix).Select(_ => Year(random, Mixes[m], (8, 40))).ToArray();
            var results = new (DisclosureResult Six, DisclosureResult Default, TimeSpan SixTime, TimeSpan DefaultTime)[yearsPerMix];
            Parallel.For(0, yearsPerMix, new ParallelOptions { MaxDegreeOfParallelism = 2 }, year =>
            {
                var six = Timed(() => engine.Protect(new DisclosureRequest(corpus[year], SixTables, KeyFigures)));
                var byDefault = Timed(() => engine.Protect(new DisclosureRequest(corpus[year], DefaultTables, KeyFigures)));
                results[year] = (six.Result, byDefault.Result, six.Time, byDefault.Time);
            });

            Console.WriteLine(Row(Mixes[m].Name, "six (before)", [.. results.Select(result => result.Six)], results.Average(result => result.SixTime.TotalMilliseconds)));
            Console.WriteLine(Row(Mixes[m].Name, "default: total + one-way", [.. results.Select(result => result.Default)], results.Average(result => result.DefaultTime.TotalMilliseconds)));
            for (var year = 0; year < yearsPerMix; year++)
            {
                dump?.WriteLine($"{Mixes[m].Name}\t{year}\t{Margins(corpus[year])}\t{Pattern(results[year].Six)}\t{Pattern(results[year].Default)}");
                var lost = OneWayCells(results[year].Six).Except(OneWayCells(results[year].Default)).ToArray();
                if (lost.Length > 0)
                {
                    fewer.Add($"{Mixes[m].Name}, year {year}: {Margins(corpus[year])}; six print {string.Join(", ", lost)}, the default does not (six: {Pattern(results[year].Six)}; default: {Pattern(results[year].Default)})");
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine($"Years where the default prints a one-way figure the six tables print: {fewer.Count}");
        fewer.ForEach(line => Console.WriteLine("- " + line));
    }

    private static (DisclosureResult Result, TimeSpan Time) Timed(Func<DisclosureResult> protect)
    {
        var time = Stopwatch.StartNew();
        var result = protect();
        return (result, time.Elapsed);
    }

    private static string Row(string mix, string tables, DisclosureResult[] results, double milliseconds)
    {
        var keyFigures = results.Sum(result => (Printed(result, "total", []) ? 1 : 0) + (Printed(result, "age", ["under18"]) ? 1 : 0) + (Printed(result, "outcome", ["confirmed"]) ? 1 : 0));
        return $"| {mix} | {tables} | {Share(results, result => Printed(result, "total", []))} | {Share(results, result => Printed(result, "age", ["under18"]))} | "
            + $"{Share(results, result => Printed(result, "outcome", ["confirmed"]))} | {keyFigures} of {3 * results.Length} | "
            + string.Join(" | ", OneWay.Select(table => Share(results, result => result.Tables.Single(published => published.Definition.Name == table).Cells.All(cell => cell.Value is not null))))
            + $" | {milliseconds.ToString("0", CultureInfo.InvariantCulture)} ms |";
    }

    private static IEnumerable<string> OneWayCells(DisclosureResult result) =>
        result.Tables.Where(table => table.Definition.Dimensions.Count <= 1).SelectMany(table => table.Cells.Where(cell => cell.Value is not null).Select(cell => $"{table.Definition.Name} {string.Join('/', cell.Categories)}".Trim()));

    private static string Pattern(DisclosureResult result) =>
        string.Join("; ", result.Tables.Select(table => $"{table.Definition.Name} " + string.Join('/', table.Cells.Select(cell => cell.Value?.ToString(CultureInfo.InvariantCulture) ?? "·"))));

    private static string Margins(Cube cube)
    {
        var tables = LinkedTables.Build(cube, DefaultTables);
        return string.Join("; ", DefaultTables.Select((table, t) => $"{table.Name} {string.Join('/', tables.CellsOf(t).Select(cell => cell.Value))}"));
    }

    private static bool Printed(DisclosureResult result, string table, string[] categories) =>
        result.Tables.Single(published => published.Definition.Name == table).Cells.Single(cell => cell.Categories.SequenceEqual(categories)).Value is not null;

    private static string Share(DisclosureResult[] results, Func<DisclosureResult, bool> printed) =>
        (100.0 * results.Count(printed) / results.Length).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    private static TableDefinition[] Definitions(DisclosureOptions options) =>
        [.. options.PublishedTables.Select(dimensions => new TableDefinition(dimensions.Count == 0 ? DisclosureOptions.GrandTotal : string.Join(',', dimensions), dimensions))];

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
            var printed = DefaultTables.ToDictionary(table => table.Name, _ => 0);
            var added = 0;
            var time = Stopwatch.StartNew();
            for (var window = 0; window < windows; window++)
            {
                var mix = Mixes[window % Mixes.Length];
                var years = Enumerable.Range(0, 3).Select(y =>
                {
                    var cube = Year(random, mix, smallMiddle && y == 1 ? (0, 4) : (5, 15));
                    return new PooledYear(2023 + y, cube, engine.Protect(new DisclosureRequest(cube, DefaultTables, KeyFigures)).Tables);
                }).ToArray();
                var pooled = engine.ProtectPooled(new PooledRequest(years, DefaultTables, KeyFigures));
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

    private static Cube Year(Random random, (string Name, double[] Age, double[] Reporter, double[] Outcome) mix, (int Least, int Most) totals)
    {
        var counts = new long[18];
        var total = random.Next(totals.Least, totals.Most + 1);
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
}
