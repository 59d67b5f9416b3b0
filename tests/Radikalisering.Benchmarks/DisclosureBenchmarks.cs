using BenchmarkDotNet.Attributes;
using Radikalisering.Disclosure;

namespace Radikalisering.Benchmarks;

/// <summary>
/// The disclosure engine on one municipality's year (2 × 3 × 3 cube, six linked tables: a new realistic year of
/// 5–40 concerns at every call, so the ladder's memory of figures it has seen helps only as often as it would
/// in the app) and on the national
/// rollup of municipalities (<see cref="NationalRollup"/>: 16 or 98 × 18 cube, the six tables per municipality and the six national tables).
/// One warm-up: a rollup takes seconds, and its first run is as warm as the later ones.
/// </summary>
[Config(typeof(SuiteConfig))]
[WarmupCount(1)]
public class DisclosureBenchmarks
{
    private readonly DisclosureEngine engine = new();
    private int municipalYearSeed;
    private DisclosureRequest sixteen = null!;
    private DisclosureRequest rollup = null!;

    [GlobalSetup]
    public void Setup()
    {
        sixteen = NationalRollup.Request(16);
        rollup = NationalRollup.Request(98);
    }

    [Benchmark]
    public DisclosureResult OneMunicipality() => engine.Protect(UtilityReport.RealisticYear(new Random(++municipalYearSeed)));

    [Benchmark]
    public DisclosureResult SixteenMunicipalities() => engine.Protect(sixteen);

    [Benchmark]
    public DisclosureResult NinetyEightMunicipalities() => engine.Protect(rollup);
}
