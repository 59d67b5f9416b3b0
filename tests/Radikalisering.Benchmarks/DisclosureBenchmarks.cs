using BenchmarkDotNet.Attributes;
using Radikalisering.Disclosure;

namespace Radikalisering.Benchmarks;

/// <summary>
/// The disclosure engine on one municipality's year (2 × 3 × 3 cube, six linked tables: a new realistic year of
/// 5–40 concerns at every call, so the ladder's memory of figures it has seen helps only as often as it would
/// in the app) and on a national
/// rollup of municipalities (16 or 98 × 18 cube, the six tables per municipality and the six national tables).
/// One warm-up: a rollup takes seconds, and its first run is as warm as the later ones.
/// </summary>
[Config(typeof(SuiteConfig))]
[WarmupCount(1)]
public class DisclosureBenchmarks
{
    private static readonly Dimension Age = new("age", ["under18", "adult"]);
    private static readonly Dimension Reporter = new("reporter", ["municipalEmployee", "otherAuthority", "other"]);
    private static readonly Dimension Outcome = new("outcome", ["pending", "confirmed", "dismissed"]);

    private readonly DisclosureEngine engine = new();
    private int municipalYearSeed;
    private DisclosureRequest sixteen = null!;
    private DisclosureRequest rollup = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(98);
        var years = Enumerable.Range(0, 98).Select(_ => MunicipalityYear(random)).ToArray();
        sixteen = Rollup(years[..16]);
        rollup = Rollup(years);
    }

    [Benchmark]
    public DisclosureResult OneMunicipality() => engine.Protect(UtilityReport.RealisticYear(new Random(++municipalYearSeed)));

    [Benchmark]
    public DisclosureResult SixteenMunicipalities() => engine.Protect(sixteen);

    [Benchmark]
    public DisclosureResult NinetyEightMunicipalities() => engine.Protect(rollup);

    private static DisclosureRequest Rollup(long[][] years)
    {
        var municipality = new Dimension("municipality", [.. Enumerable.Range(1, years.Length).Select(number => $"m{number:000}")]);
        var tables = NationalTables().Concat(NationalTables().Select(table =>
            new TableDefinition($"municipality {table.Name}", [municipality.Name, .. table.Dimensions]))).ToArray();
        return new DisclosureRequest(new Cube([municipality, Age, Reporter, Outcome], [.. years.SelectMany(year => year)]), tables, new DisclosureSettings());
    }

    private static TableDefinition[] NationalTables() =>
    [
        new("total", []),
        new("age", ["age"]),
        new("reporter", ["reporter"]),
        new("outcome", ["outcome"]),
        new("age × outcome", ["age", "outcome"]),
        new("reporter × outcome", ["reporter", "outcome"]),
    ];

    /// <summary>A municipality's year: mostly small and empty cells, as in the real registrations.</summary>
    private static long[] MunicipalityYear(Random random)
    {
        var size = random.Next(0, 4) == 0 ? 4 : 1;
        return Enumerable.Range(0, 18).Select(_ => (long)(random.Next(0, 3) == 0 ? random.Next(0, 3 * size) : 0)).ToArray();
    }
}
