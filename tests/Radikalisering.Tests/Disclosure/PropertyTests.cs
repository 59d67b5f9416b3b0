using Radikalisering.Disclosure;

namespace Radikalisering.Tests.Disclosure;

/// <summary>
/// Seeded properties of the engine over random concern years. The former property "no cell is withheld without
/// need" was dropped deliberately: the ladder withholds zeros and whole groups so that the pattern cannot point
/// at the small cells, which an intruder who replays the method would otherwise read (see docs/disclosure-control.md).
/// </summary>
[Trait("Category", "Slow")]
public class PropertyTests
{
    private readonly DisclosureEngine engine = new();

    [Fact]
    public void Every_protected_random_year_passes_its_own_audit_prints_its_total_and_prints_no_figure_below_k()
    {
        var random = new Random(20261123);
        for (var year = 0; year < 100; year++)
        {
            var cube = RandomCubes.Concern(random);

            var result = engine.Protect(Tables.Request(cube, Tables.ConcernTables));

            Assert.True(result.Audit.Passed, $"year {year}");
            Assert.All(result.AllCells(), cell => Assert.Equal(cell.Value is null, cell.Suppression is not null));
            Assert.Equal(cube.Total, result.Cell("total").Value);
            Assert.All(result.AllCells(), cell => Assert.True(cell.Value is null or >= 5, $"year {year}: {cell}"));
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
