using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Radikalisering.Disclosure;

namespace Radikalisering.Benchmarks;

/// <summary>
/// The national rollup protected several times in a row, each run's time, processor time (all threads; on a shared
/// machine the steadier figure), allocations and a fingerprint of its result (every printed figure, the audit's verdict and every interval): two builds compared back to back must
/// print the same fingerprint, and one build must print the same one every run.
/// Run with <c>dotnet run -c Release --project tests/Radikalisering.Benchmarks -- rollup [runs] [municipalities]</c>.
/// </summary>
internal static class RollupRuns
{
    public static void Run(int runs, int municipalities)
    {
        var request = NationalRollup.Request(municipalities);
        var engine = new DisclosureEngine();
        Console.WriteLine(Invariant($"rollup of {municipalities} municipalities, load average {LoadAverage()}"));
        for (var run = 1; run <= runs; run++)
        {
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var processorBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var stopwatch = Stopwatch.StartNew();
            var result = engine.Protect(request);
            stopwatch.Stop();
            var processor = Process.GetCurrentProcess().TotalProcessorTime - processorBefore;
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            Console.WriteLine(Invariant($"run {run}: {stopwatch.Elapsed.TotalMilliseconds:F0} ms, CPU {processor.TotalMilliseconds:F0} ms, {allocated / 1048576.0:F0} MB allocated, passed {result.Audit.Passed}, exact {result.Audit.IntervalsAreExact}, withheld {Withheld(result)}, fingerprint {Fingerprint(result)}"));
        }

        Console.WriteLine(Invariant($"load average {LoadAverage()}"));
    }

    private static int Withheld(DisclosureResult result) => result.Tables.Sum(table => table.Cells.Count(cell => cell.Value is null));

    private static string Fingerprint(DisclosureResult result)
    {
        var text = new StringBuilder();
        foreach (var table in result.Tables)
        {
            text.AppendJoin(',', table.Cells.Select(cell => cell.Value?.ToString(CultureInfo.InvariantCulture) ?? "-")).Append(';');
        }

        text.Append(result.Audit.Passed).Append(result.Audit.IntervalsAreExact);
        foreach (var interval in result.Audit.SuppressedCells)
        {
            text.Append(Invariant($"{interval.Table}/{string.Join('/', interval.Categories)}:{interval.Minimum}..{interval.Maximum};"));
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
