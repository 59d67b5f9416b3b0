using Azure.Data.Tables;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Radikalisering.Core.Concerns;
using Radikalisering.Core.Statistics;

namespace Radikalisering.Benchmarks;

/// <summary>
/// The compile exactly as the app runs it for a municipality: four years of 9, 14, 19 and 25 concerns stored through
/// the store, the three earlier years compiled, then the first compile of the 25-concern year (read and decrypt, count,
/// the year's ladder, the pooled three-year step with the two earlier snapshots, store the snapshot), against a raw scan
/// of that year's rows. Before each compile the year's snapshot is deleted and the app's services are built anew, so
/// the engine remembers no verdict (the January timer runs in a fresh process). Once with the default publication
/// (total and the one-way tables) and once with the two-way tables configured (<c>Disclosure:Tables</c>).
/// </summary>
[Config(typeof(SlowSuiteConfig))]
public class PooledCompileBenchmarks
{
    public const int Year = 2025;

    private static readonly Lazy<LocalAzurite> Azurite = new(() =>
    {
        var azurite = LocalAzurite.Start();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => azurite.Dispose();
        return azurite;
    });

    private static readonly (int Year, int Concerns)[] Years = [(2022, 9), (2023, 14), (2024, 19), (Year, 25)];

    private string suffix = "";
    private ServiceProvider? services;

    [Params("one-way", "two-way")]
    public string Publication { get; set; } = "one-way";

    /// <summary>Set explicitly: the one-way publication is the default of issue 21 (<c>DisclosureOptions.DefaultTables</c>).</summary>
    private IReadOnlyList<string> Tables => Publication == "two-way"
        ? ["total", "age", "reporter", "outcome", "age,outcome", "reporter,outcome"]
        : ["total", "age", "reporter", "outcome"];

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [IterationSetup]
    public void FreshApp()
    {
        services?.Dispose();
        services = BenchmarkServices.Build(Azurite.Value.ConnectionString, suffix, disclosureTables: Tables);
        new TableServiceClient(Azurite.Value.ConnectionString).GetTableClient("ReportSnapshots" + suffix)
            .DeleteEntity(ReportSnapshotStore.PartitionKey, Year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Benchmark(Description = "compile as the app runs it, 25 concerns, pooled step")]
    public Task<CompileResult> CompileAsTheAppRunsIt() =>
        services!.GetRequiredService<AnnualStatisticsCompiler>().CompileAsync(Year, CancellationToken.None);

    /// <summary>The rows the compile reads for the year (its concern rows, not the bookkeeping rows beside them).</summary>
    [Benchmark(Description = "raw scan of the year's rows")]
    public async Task<int> RawScanOfTheYear()
    {
        var rows = 0;
        await foreach (var _ in new TableServiceClient(Azurite.Value.ConnectionString).GetTableClient("Concerns" + suffix).QueryAsync<TableEntity>(
                           TableClient.CreateQueryFilter(
                               $"PartitionKey eq {ConcernRows.PartitionKeyOf(Year)} and RowKey lt {ConcernColumns.BookkeepingPrefix}"),
                           1000))
        {
            rows++;
        }

        return rows;
    }

    [GlobalCleanup]
    public void Cleanup() => services?.Dispose();

    /// <summary>Seeds the four years (a fixed mix: about 40 % minors, reporters 50 / 30 / 20 %, outcomes 35 / 20 / 45 %) and compiles the three earlier ones.</summary>
    private async Task SetupAsync()
    {
        suffix = BenchmarkServices.UniqueSuffix();
        using var seeding = BenchmarkServices.Build(Azurite.Value.ConnectionString, suffix, disclosureTables: Tables);
        var store = seeding.GetRequiredService<ConcernCreator>();
        var random = new Random(21);
        foreach (var (year, concerns) in Years)
        {
            for (var i = 0; i < concerns; i++)
            {
                var reporter = random.NextDouble() switch { < 0.5 => ReporterKind.MunicipalEmployee, < 0.8 => ReporterKind.OtherAuthority, _ => ReporterKind.Other };
                var outcome = random.NextDouble() switch { < 0.35 => Outcome.Pending, < 0.55 => Outcome.Confirmed, _ => Outcome.Dismissed };
                var facts = new ConcernFacts(new DateOnly(year, random.Next(1, 13), random.Next(1, 29)), random.NextDouble() < 0.4, reporter, outcome, null);
                await store.CreateAsync(facts, idempotencyKey: null, "benchmark", CancellationToken.None);
            }
        }

        var compiler = seeding.GetRequiredService<AnnualStatisticsCompiler>();
        foreach (var (year, _) in Years.SkipLast(1))
        {
            await compiler.CompileAsync(year, CancellationToken.None);
        }
    }
}
