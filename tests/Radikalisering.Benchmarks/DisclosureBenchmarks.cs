using BenchmarkDotNet.Attributes;
using Radikalisering.Disclosure;

namespace Radikalisering.Benchmarks;

/// <summary>
/// The disclosure engine on one municipality's year (2 × 3 × 3 cube, six linked tables: a new realistic year of
/// 5–40 concerns at every call, so the ladder's memory of figures it has seen helps only as often as it would
/// in the app).
/// </summary>
[Config(typeof(SuiteConfig))]
public class DisclosureBenchmarks
{
    private readonly DisclosureEngine engine = new();
    private int municipalYearSeed;

    [Benchmark]
    public DisclosureResult OneMunicipality() => engine.Protect(UtilityReport.RealisticYear(new Random(++municipalYearSeed)));
}
