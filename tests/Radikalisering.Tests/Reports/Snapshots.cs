using Azure;
using Radikalisering.Core.Statistics;
using Radikalisering.Disclosure;

namespace Radikalisering.Tests.Reports;

/// <summary>
/// Builds snapshots for rendering tests: the six default tables as marginals of a cube of
/// counts, with chosen cells suppressed (set to null), as the disclosure engine would publish them.
/// </summary>
internal static class Snapshots
{
    private static readonly string[][] DefaultTables = [[], ["age"], ["reporter"], ["outcome"], ["age", "outcome"], ["reporter", "outcome"]];

    /// <param name="cube">18 counts, age × reporter × outcome, outcome fastest.</param>
    /// <param name="suppressed">Cells to hide, as "table:category,category" (e.g. "age,outcome:under18,confirmed").</param>
    public static ReportSnapshot Create(int year, long[] cube, params string[] suppressed) =>
        new(
            year,
            ReportStatus.Compiled,
            DefaultTables.Select(dimensions => Table(dimensions, cube, suppressed)).ToList(),
            WholePublicationSuppressed: false,
            Method: "test",
            Threshold: 5,
            CompiledAt: new DateTimeOffset(year + 1, 1, 2, 5, 0, 0, TimeSpan.Zero),
            SendingStartedAt: null,
            SentAt: null,
            ETag: ETag.All);

    /// <summary>A snapshot whose only published figure of interest is its total.</summary>
    public static ReportSnapshot WithTotal(int year, long total) =>
        Create(year, [.. Enumerable.Repeat(0L, 17), total]);

    /// <summary>A year of fewer than k concerns: every cell withheld, as the engine publishes it.</summary>
    public static ReportSnapshot WithheldWhole(int year) =>
        Create(year, new long[18]) with
        {
            WholePublicationSuppressed = true,
            Tables = Create(year, new long[18]).Tables
                .Select(table => table with { Cells = table.Cells.Select(cell => cell with { Value = null }).ToList() })
                .ToList(),
        };

    /// <summary>The last three years up to <paramref name="lastYear"/> together: the tables of <paramref name="cube"/> when published, else none.</summary>
    public static PooledSnapshot Pooled(int lastYear, PooledOutcome outcome, long[] cube, params string[] suppressed) =>
        new(
            [lastYear - 2, lastYear - 1, lastYear],
            outcome,
            outcome == PooledOutcome.Published ? Create(lastYear, cube, suppressed).Tables : []);

    public static string Key(SnapshotTable table, SnapshotCell cell) =>
        $"{string.Join(",", table.Dimensions)}:{string.Join(",", cell.Categories)}";

    /// <summary>The true (unsuppressed) value of every cell of the default tables.</summary>
    public static IReadOnlyDictionary<string, long> TrueValues(long[] cube) =>
        DefaultTables.Select(dimensions => Table(dimensions, cube))
            .SelectMany(table => table.Cells.Select(cell => (Key: Key(table, cell), Value: cell.Value!.Value)))
            .ToDictionary(pair => pair.Key, pair => pair.Value);

    private static SnapshotTable Table(string[] dimensions, long[] cube, params string[] suppressed)
    {
        var cells = Combinations(dimensions)
            .Select(categories => new SnapshotCell(categories, Sum(cube, dimensions, categories)))
            .Select(cell => suppressed.Contains($"{string.Join(",", dimensions)}:{string.Join(",", cell.Categories)}")
                ? cell with { Value = null }
                : cell)
            .ToList();
        var name = dimensions.Length == 0 ? "total" : string.Join(" x ", dimensions);
        return new SnapshotTable(name, dimensions, cells);
    }

    private static IEnumerable<string[]> Combinations(string[] dimensions) =>
        dimensions.Aggregate(
            (IEnumerable<string[]>)[[]],
            (prefixes, dimension) => prefixes.SelectMany(prefix =>
                ConcernDimensions.CategoriesOf(dimension).Select(category => prefix.Append(category).ToArray())));

    private static long Sum(long[] cube, string[] dimensions, string[] categories)
    {
        long sum = 0;
        for (var index = 0; index < cube.Length; index++)
        {
            var coordinates = new Dictionary<string, string>
            {
                ["age"] = ConcernDimensions.AgeCategories[index / 9],
                ["reporter"] = ConcernDimensions.ReporterCategories[index / 3 % 3],
                ["outcome"] = ConcernDimensions.OutcomeCategories[index % 3],
            };
            if (dimensions.Select((dimension, position) => coordinates[dimension] == categories[position]).All(match => match))
            {
                sum += cube[index];
            }
        }

        return sum;
    }
}
