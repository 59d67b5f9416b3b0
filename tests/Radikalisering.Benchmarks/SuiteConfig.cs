using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Radikalisering.Benchmarks;

/// <summary>
/// Every benchmark of the suite runs in this process (no generated project to build, which on a shared
/// 2-core machine took longer than BenchmarkDotNet's two-minute build limit) with a short run: three
/// warm-ups and three measured iterations; an operation may take up to 20 minutes (the large compiles take
/// seconds, and BenchmarkDotNet refuses in-process runs it expects to pass its default limit). The ratios
/// within one run are the figures to trust.
/// </summary>
public sealed class SuiteConfig : ManualConfig
{
    internal static readonly InProcessEmitToolchain Toolchain = new(TimeSpan.FromMinutes(20), logOutput: true);

    public SuiteConfig()
    {
        AddJob(Job.ShortRun.WithToolchain(Toolchain).WithId("InProcessShort"));
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}

/// <summary>
/// Three warm-ups and three measured iterations of one operation each, for the benchmarks that take seconds
/// (the compiles on Azurite): the first two compiles of a size took ten to fifteen times as long as the third (code
/// the JIT had not optimised yet; the first also stores the snapshot), which is what one measured run used to show.
/// </summary>
public sealed class SlowSuiteConfig : ManualConfig
{
    public SlowSuiteConfig()
    {
        AddJob(Job.Dry
            .WithStrategy(RunStrategy.Monitoring) // a cold-start run skips the warm-ups
            .WithWarmupCount(3)
            .WithIterationCount(3)
            .WithToolchain(SuiteConfig.Toolchain)
            .WithId("InProcessWarm"));
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
