using System.Globalization;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Radikalisering.Benchmarks;

/// <summary>
/// <c>suite</c>: every benchmark of issue 13 in one run, then the cold start, then one table with each figure
/// against its limit (docs/performance.md). <c>suite --large</c> adds the compile of 100,000 concerns.
/// </summary>
internal static class SuiteRunner
{
    public static async Task RunAsync(bool large, int coldStartRuns)
    {
        if (large)
        {
            Environment.SetEnvironmentVariable(CompileBenchmarks.LargeVariable, "1");
        }

        var loadAtStart = LoadAverage();
        var summaries = BenchmarkRunner.Run(
        [
            typeof(RecordPathBenchmarks), typeof(KeyVaultBenchmarks), typeof(EncryptionBenchmarks), typeof(DisclosureBenchmarks), typeof(CompileBenchmarks), typeof(PooledCompileBenchmarks),
        ]);
        var coldStart = await ColdStart.MeasureAsync(coldStartRuns);
        Print(new Figures(summaries), coldStart);
        Console.WriteLine($"Load average (1, 5, 15 min) at the start: {loadAtStart}; at the end: {LoadAverage()}; cores: {Environment.ProcessorCount}.");
    }

    /// <summary>How busy the machine was: the figures of a shared machine are read against it.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static void Print(Figures figures, ColdStartFigures coldStart)
    {
        var create = figures.Milliseconds(nameof(RecordPathBenchmarks.Create));
        var raw = figures.Milliseconds(nameof(RecordPathBenchmarks.RawInsert));
        var minimum = figures.Milliseconds(nameof(RecordPathBenchmarks.TransactionAndAudit));
        var parallel = 1000 / figures.Milliseconds(nameof(RecordPathBenchmarks.Parallel16));
        var parallelRaw = 1000 / figures.Milliseconds(nameof(RecordPathBenchmarks.Parallel16RawInserts));
        var p95 = SuiteFigures.Get("create p95 at 16 parallel (ms)") ?? double.NaN;
        var p50 = SuiteFigures.Get("create p50 at 16 parallel (ms)") ?? double.NaN;
        var alternately = SuiteFigures.Get("create / minimum, alternately") ?? double.NaN;
        var alternatelyWithTrail = SuiteFigures.Get("create / minimum with the trail, alternately") ?? double.NaN;
        var requests = SuiteFigures.Get("requests per create") ?? double.NaN;
        var parallelRequests = SuiteFigures.Get("requests per create, 16 parallel") ?? double.NaN;
        var blobRequests = SuiteFigures.Get("blob requests per create") ?? double.NaN;
        var parallelBlobRequests = SuiteFigures.Get("blob requests per create, 16 parallel") ?? double.NaN;
        var seal = figures.Milliseconds(nameof(EncryptionBenchmarks.Seal)) * 1000;
        var open = figures.Milliseconds(nameof(EncryptionBenchmarks.Open)) * 1000;
        var one = figures.Milliseconds(nameof(DisclosureBenchmarks.OneMunicipality));

        var rows = new List<string[]>
        {
            Row("`POST /api/concerns` with key vs raw `AddEntity`", $"{create:0.00} ms", $"{raw:0.00} ms", create / raw, "–"),
            Row("`POST /api/concerns` with key vs transaction + audit", $"{create:0.00} ms", $"{minimum:0.00} ms", create / minimum, Goal(create / minimum <= 2, "≤ 2×")),
            Row("  the same, a create and a minimum timed in turn (ratio of medians)", $"{alternately:0.00}×", "2×", alternately / 2, Goal(alternately <= 2, "≤ 2×")),
            Row("  the same against the minimum as this app audits (a trail append beside the audit insert)", $"{alternatelyWithTrail:0.00}×", "2×", alternatelyWithTrail / 2, Goal(alternatelyWithTrail <= 2, "≤ 2×")),
            Row("table requests per create (alone / 16 parallel)", $"{requests:0.00} / {parallelRequests:0.00}", "3", requests / 3, Goal(requests <= 3, "≤ 3")),
            Row("  and trail appends (blob requests) per create", $"{blobRequests:0.00} / {parallelBlobRequests:0.00}", "–", double.NaN, "–"),
            Row("throughput, one year, 16 parallel", $"{parallel:0} ops/s", "441 ops/s (3 × 147)", parallel / 441, Goal(parallel >= 441, "≥ 1")),
            Row("  vs raw inserts, 16 parallel", $"{parallel:0} ops/s", $"{parallelRaw:0} ops/s", parallel / parallelRaw, "–"),
            Row("single create at 16 parallel, p50 / p95", $"{p50:0.0} / {p95:0.0} ms", "p95 100 ms", p95 / 100, Goal(p95 < 100, "< 1")),
        };
        foreach (var concerns in figures.CompileSizes())
        {
            var compile = figures.Milliseconds(nameof(CompileBenchmarks.Compile), concerns);
            var scan = figures.Milliseconds(nameof(CompileBenchmarks.RawScan), concerns);
            rows.Add(Row($"annual compile, {concerns:N0} concerns, vs raw partition scan", $"{compile:0} ms", $"{scan:0} ms", compile / scan, "–"));
        }

        foreach (var publication in new[] { "one-way", "two-way" })
        {
            var compile = figures.Milliseconds(nameof(PooledCompileBenchmarks.CompileAsTheAppRunsIt), publication: publication);
            var scan = figures.Milliseconds(nameof(PooledCompileBenchmarks.RawScanOfTheYear), publication: publication);
            rows.Add(Row($"compile as the app runs it, 25 concerns with the pooled step ({publication}), vs raw scan", $"{compile / 1000:0.00} s", $"{scan:0.0} ms", compile / scan, Goal(compile < 2000, "< 2 s")));
        }

        var current = SuiteFigures.Get("Key Vault reads per run: current, 16 concurrent") ?? double.NaN;
        var old = SuiteFigures.Get("Key Vault reads per run: 2 old versions, 16 concurrent") ?? double.NaN;
        rows.Add(Row("Key Vault reads, current key, 16 concurrent callers", $"{current:0.##}", "1", current, Goal(current <= 1, "1")));
        rows.Add(Row("Key Vault reads, 2 old versions, 16 concurrent callers", $"{old:0.##}", "2", old / 2, Goal(old <= 2, "1")));
        rows.Add(Row("disclosure, one municipality", $"{one:0.0} ms", "30 ms", one / 30, Goal(one < 30, "< 1")));
        rows.Add(Row("encryption per payload (seal + open) vs a create", $"{seal + open:0.0} µs", $"{create:0.00} ms", (seal + open) / 1000 / create, "–"));
        rows.Add(Row("cold start: worker ready / first POST answered", $"{coldStart.ReadyMs:0} / {coldStart.FirstAnswerMs:0} ms", $"steady POST {coldStart.SteadyMs:0.0} ms", coldStart.FirstAnswerMs / coldStart.SteadyMs, "–"));
        rows.Add(Row("built app folder (publish: see docs)", $"{coldStart.AppMegabytes:0} MB", "–", double.NaN, "–"));

        Console.WriteLine();
        Console.WriteLine("| path | now | limit | ratio | goal |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var row in rows)
        {
            Console.WriteLine("| " + string.Join(" | ", row) + " |");
        }
    }

    private static string[] Row(string path, string now, string limit, double ratio, string goal) =>
        [path, now, limit, double.IsNaN(ratio) ? "–" : ratio.ToString("0.00", CultureInfo.InvariantCulture) + "×", goal];

    private static string Goal(bool met, string goal) => (met ? "met, " : "**missed**, ") + goal;

    /// <summary>Means and allocations of the suite's benchmarks by method name (and compile size).</summary>
    private sealed class Figures(IEnumerable<Summary> summaries)
    {
        private readonly BenchmarkReport[] _reports = [.. summaries.SelectMany(summary => summary.Reports)];

        public double Milliseconds(string method, int? concerns = null, string? publication = null) =>
            Find(method, concerns, publication)?.ResultStatistics?.Mean / 1_000_000 ?? double.NaN;

        public IEnumerable<int> CompileSizes() =>
            _reports.Where(report => report.BenchmarkCase.Descriptor.Type == typeof(CompileBenchmarks))
                .Select(report => (int)report.BenchmarkCase.Parameters[nameof(CompileBenchmarks.Concerns)])
                .Distinct()
                .Order();

        private BenchmarkReport? Find(string method, int? concerns, string? publication = null) =>
            _reports.FirstOrDefault(report =>
                report.BenchmarkCase.Descriptor.WorkloadMethod.Name == method
                && (concerns is null || (int)report.BenchmarkCase.Parameters[nameof(CompileBenchmarks.Concerns)] == concerns)
                && (publication is null || (string)report.BenchmarkCase.Parameters[nameof(PooledCompileBenchmarks.Publication)] == publication));
    }
}
