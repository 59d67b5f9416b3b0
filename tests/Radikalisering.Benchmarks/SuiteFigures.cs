using System.Collections.Concurrent;

namespace Radikalisering.Benchmarks;

/// <summary>Figures the benchmarks observe besides their timings (round trips, percentiles, vault reads), for the suite's table.</summary>
internal static class SuiteFigures
{
    private static readonly ConcurrentDictionary<string, double> Figures = new(StringComparer.Ordinal);

    public static void Record(string name, double value) => Figures[name] = value;

    public static double? Get(string name) => Figures.TryGetValue(name, out var value) ? value : null;
}
