using Radikalisering.Disclosure;

namespace Radikalisering.Tests.Disclosure;

/// <summary>Seeded properties of the engine over more than four hundred random concern years.</summary>
public class PropertyTests
{
    private readonly DisclosureEngine engine = new();

    [Fact]
    public void Every_protected_random_year_passes_its_own_audit()
    {
        var random = new Random(20261123);
        for (var year = 0; year < 400; year++)
        {
            var cube = RandomCubes.Concern(random);

            var result = engine.Protect(Tables.Request(cube, Tables.ConcernTables));

            Assert.True(result.Audit.Passed, $"year {year}");
            Assert.All(result.AllCells(), cell => Assert.Equal(cell.Value is null, cell.Suppression is not null));
        }
    }

    [Fact]
    public void No_cell_is_withheld_without_need()
    {
        var random = new Random(115);
        for (var year = 0; year < 40; year++)
        {
            var cube = RandomCubes.Concern(random);
            var request = Tables.Request(cube, Tables.ConcernTables);
            var result = engine.Protect(request);

            foreach (var (table, cell) in result.Tables.SelectMany(table => table.Cells.Select(cell => (table, cell))).Where(pair => pair.cell.Suppression == SuppressionReason.Secondary))
            {
                var trueValue = BruteForceAttacker.Support(cube, table.Definition, cell.Categories).Sum(index => BruteForceAttacker.CountAt(cube, index));
                var withOneMorePublished = result.Tables
                    .Select(published => published with { Cells = published.Cells.Select(other => ReferenceEquals(other, cell) ? other with { Value = trueValue, Suppression = null } : other).ToArray() })
                    .ToArray();

                Assert.False(engine.Audit(request, withOneMorePublished).Passed, $"year {year}: {table.Definition.Name} {string.Join(",", cell.Categories)} need not be withheld");
            }
        }
    }

    [Fact]
    public void The_same_year_always_gives_the_same_pattern()
    {
        var random = new Random(7);
        for (var year = 0; year < 3; year++)
        {
            var request = Tables.Request(RandomCubes.Concern(random), Tables.ConcernTables);

            Assert.Equal(engine.Protect(request), engine.Protect(request));
        }
    }
}
