using Radikalisering.Core.Concerns;
using Radikalisering.Core.Statistics;
using Radikalisering.IntegrationTests.Fixtures.Http;

namespace Radikalisering.IntegrationTests.Fixtures.Seeding;

/// <summary>A year's concerns for a test, as groups of alike concerns, and the true (unprotected) figures they make.</summary>
public sealed class SeededYear(int year)
{
    private readonly List<(int Count, bool Under18, ReporterKind Reporter, Outcome Outcome)> _groups = [];

    public int Year { get; } = year;

    public SeededYear Add(int count, bool under18, ReporterKind reporter, Outcome outcome)
    {
        _groups.Add((count, under18, reporter, outcome));
        return this;
    }

    public async Task SeedAsync(ApiTestHost host)
    {
        foreach (var group in _groups)
        {
            await host.SeedAsync(Year, group.Count, group.Under18, group.Reporter, group.Outcome);
        }
    }

    /// <summary>Every concern as the body of a <c>POST /api/concerns</c>.</summary>
    public IEnumerable<object> AsRequests() =>
        _groups.SelectMany(group => Enumerable.Range(0, group.Count).Select(index => (object)new
        {
            receivedOn = new DateOnly(Year, 1 + index % 12, 1 + index % 28).ToString("yyyy-MM-dd"),
            subjectUnder18 = group.Under18,
            reporter = ConcernDimensions.ReporterCategories[(int)group.Reporter],
            outcome = ConcernDimensions.OutcomeCategories[(int)group.Outcome],
        }));

    /// <summary>The true value of a cell of a marginal table (categories in the table's dimension order).</summary>
    public long TrueValue(IReadOnlyList<string> dimensions, IReadOnlyList<string> categories) =>
        _groups.Where(group => dimensions.Select((dimension, position) => CategoryOf(group, dimension) == categories[position]).All(match => match))
            .Sum(group => (long)group.Count);

    /// <summary>The tables as they would be published with nothing suppressed.</summary>
    public IReadOnlyList<SnapshotTable> TrueTables(IEnumerable<SnapshotTable> shape) =>
        shape.Select(table => table with
        {
            Cells = table.Cells.Select(cell => cell with { Value = TrueValue(table.Dimensions, cell.Categories) }).ToList(),
        }).ToList();

    private static string CategoryOf((int Count, bool Under18, ReporterKind Reporter, Outcome Outcome) group, string dimension) => dimension switch
    {
        ConcernDimensions.Age => group.Under18 ? ConcernDimensions.Under18 : ConcernDimensions.Adult,
        ConcernDimensions.Reporter => ConcernDimensions.ReporterCategories[(int)group.Reporter],
        _ => ConcernDimensions.OutcomeCategories[(int)group.Outcome],
    };
}
