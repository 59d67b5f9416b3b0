using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Radikalisering.Benchmarks;

/// <summary>
/// Every benchmark of the suite runs in this process (no generated project to build, which on a shared
/// 2-core machine took longer than BenchmarkDotNet's two-minute build limit) with a short run: three
/// warm-ups and three measured iterations. The ratios within one run are the figures to trust.
/// </summary>
public sealed class SuiteConfig : ManualConfig
{
    public SuiteConfig()
    {
        AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithId("InProcessShort"));
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}

/// <summary>One measured iteration without warm-up, for the benchmarks that take seconds (the 100k compile on Azurite).</summary>
public sealed class SlowSuiteConfig : ManualConfig
{
    public SlowSuiteConfig()
    {
        AddJob(Job.Dry.WithToolchain(InProcessEmitToolchain.Instance).WithId("InProcessOnce"));
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
