using Radikalisering.Core.Concerns;
using Radikalisering.Disclosure;

namespace Radikalisering.Core.Statistics;

/// <summary>A year's concerns as they are now, counted into the age × reporter × outcome cube.</summary>
internal static class ConcernCube
{
    public static async Task<Cube> CountAsync(IConcernReader concerns, int year, CancellationToken cancellationToken)
    {
        var counts = new long[ConcernDimensions.CellCount];
        await foreach (var facts in concerns.ReadYearAsync(year, cancellationToken))
        {
            counts[ConcernDimensions.CellIndexOf(facts)]++;
        }

        var dimensions = ConcernDimensions.Names
            .Select(name => new Dimension(name, ConcernDimensions.CategoriesOf(name)))
            .ToList();
        return new Cube(dimensions, counts);
    }
}
