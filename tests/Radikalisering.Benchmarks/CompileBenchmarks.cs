using Azure.Data.Tables;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Radikalisering.Core.Concerns;
using Radikalisering.Core.Statistics;

namespace Radikalisering.Benchmarks;

/// <summary>
/// The annual compile (read and decrypt the year, count the cube, disclosure control, compare with the stored
/// snapshot) against a raw scan of the same partition, at 1,000 and 10,000 concerns; 100,000 with
/// <c>suite --large</c> (set by <see cref="SuiteRunner"/>): Azurite's own scan grows about N^1.8, so that one
/// takes minutes and measures the emulator more than the app. Three warm-up runs and three measured runs each
/// (<see cref="SlowSuiteConfig"/>).
/// The years are seeded once per process through the store, 64 creates at a time.
/// </summary>
[Config(typeof(SlowSuiteConfig))]
public class CompileBenchmarks
{
    /// <summary>Set to include 100,000 concerns.</summary>
    public const string LargeVariable = "RADIKALISERING_BENCHMARK_LARGE";

    private static readonly Lazy<Seeded> Shared = new(Seeded.Start);

    [ParamsSource(nameof(Sizes))]
    public int Concerns { get; set; }

    public static IEnumerable<int> Sizes() =>
        Environment.GetEnvironmentVariable(LargeVariable) == "1" ? [1_000, 10_000, 100_000] : [1_000, 10_000];

    private int Year => 2000 + (Concerns / 1000);

    [GlobalSetup]
    public void Setup() => Shared.Value.SeedAsync(Year, Concerns).GetAwaiter().GetResult();

    [Benchmark(Description = "annual compile")]
    public Task<CompileResult> Compile() =>
        Shared.Value.Services.GetRequiredService<AnnualStatisticsCompiler>().CompileAsync(Year, CancellationToken.None);

    /// <summary>
    /// The rows the compile reads: the year's concern rows, not the bookkeeping rows that share the partition
    /// (each create's audit intent stays there until the intent sweep completes it).
    /// </summary>
    [Benchmark(Description = "raw partition scan")]
    public async Task<int> RawScan()
    {
        var rows = 0;
        await foreach (var _ in Shared.Value.Concerns.QueryAsync<TableEntity>(
                           TableClient.CreateQueryFilter(
                               $"PartitionKey eq {ConcernRows.PartitionKeyOf(Year)} and RowKey lt {ConcernColumns.BookkeepingPrefix}"),
                           1000))
        {
            rows++;
        }

        return rows;
    }

    /// <summary>One Azurite and app for all sizes; stopped when the process ends.</summary>
    private sealed class Seeded
    {
        private readonly HashSet<int> _seededYears = [];

        private Seeded(LocalAzurite azurite, string suffix)
        {
            Services = BenchmarkServices.Build(azurite.ConnectionString, suffix);
            Concerns = new TableServiceClient(azurite.ConnectionString).GetTableClient("Concerns" + suffix);
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                Services.Dispose();
                azurite.Dispose();
            };
        }

        public ServiceProvider Services { get; }

        public TableClient Concerns { get; }

        public static Seeded Start() => new(LocalAzurite.Start(), BenchmarkServices.UniqueSuffix());

        public async Task SeedAsync(int year, int count)
        {
            if (!_seededYears.Add(year))
            {
                return;
            }

            var store = Services.GetRequiredService<ConcernCreator>();
            var random = new Random(year);
            var facts = Enumerable.Range(0, count).Select(_ => new ConcernFacts(
                new DateOnly(year, random.Next(1, 13), random.Next(1, 29)),
                random.Next(3) == 0,
                (ReporterKind)random.Next(3),
                Outcome.Pending,
                null)).ToArray();
            await Parallel.ForEachAsync(facts, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (concern, token) =>
                await store.CreateAsync(concern, idempotencyKey: null, "benchmark", token));
        }
    }
}
