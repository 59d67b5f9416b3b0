using Radikalisering.Disclosure;

namespace Radikalisering.Tests.Disclosure;

/// <summary>Rollups of several units: per-unit tables and national tables protected as one linked set.</summary>
[Trait("Category", "Slow")]
public class RollupTests
{
    private static readonly DisclosureEngine Engine = new();

    [Theory]
    [InlineData(4, 2, 2)]
    [InlineData(130, 2, 1)]
    public void A_rollup_passes_its_audit_and_no_withheld_unit_figure_follows_from_the_national_one(int units, int ages, int outcomes)
    {
        var unit = new Dimension("unit", [.. Enumerable.Range(1, units).Select(number => $"u{number:000}")]);
        var age = new Dimension("age", [.. Enumerable.Range(1, ages).Select(number => $"age{number}")]);
        var outcome = new Dimension("outcome", [.. Enumerable.Range(1, outcomes).Select(number => $"outcome{number}")]);
        var cube = RandomCubes.Of(new Random(units), [unit, age, outcome], largest: 12);
        TableDefinition[] national = [Tables.Total, Tables.By("age"), Tables.By("outcome"), Tables.By("age", "outcome")];
        var perUnit = national.Select(table => new TableDefinition($"unit {table.Name}", ["unit", .. table.Dimensions])).ToArray();
        var request = Tables.Request(cube, [.. national, .. perUnit]);

        var result = Engine.Protect(request);

        Assert.True(result.Audit.Passed);
        Assert.Equal(result.Audit, Engine.Audit(request, result.Tables));
        for (var t = 0; t < national.Length; t++)
        {
            var nationalTable = result.Tables[t];
            var unitTable = result.Tables[national.Length + t];
            foreach (var (nationalCell, position) in nationalTable.Cells.Select((cell, position) => (cell, position)))
            {
                var unitCells = unitTable.Cells.Where(cell => cell.Categories.Skip(1).SequenceEqual(nationalCell.Categories)).ToArray();
                Assert.Equal(units, unitCells.Length);
                if (nationalCell.Value is { } printed)
                {
                    Assert.Equal(NationalValue(cube, nationalTable.Definition, position), printed);
                }

                if (nationalCell.Value is { } total && unitCells.Count(cell => cell.Value is null) == 1)
                {
                    var hidden = total - unitCells.Sum(cell => cell.Value ?? 0);
                    Assert.False(hidden is >= 1 and < 5, $"{nationalTable.Definition.Name} {string.Join('/', nationalCell.Categories)}: a withheld unit figure {hidden} follows by subtraction");
                }

                if (nationalCell.Value is { } sum && unitCells.All(cell => cell.Value is not null))
                {
                    Assert.Equal(sum, unitCells.Sum(cell => cell.Value!.Value));
                }
            }
        }
    }

    [Fact]
    public void The_national_rollup_of_98_municipalities_passes_the_same_audit_when_audited_afresh()
    {
        var municipality = new Dimension("municipality", [.. Enumerable.Range(1, 98).Select(number => $"m{number:000}")]);
        var cube = RandomCubes.Of(new Random(98), [municipality, Tables.Age, Tables.Reporter, Tables.Outcome], largest: 6);
        var perMunicipality = Tables.ConcernTables.Select(table => new TableDefinition($"municipality {table.Name}", ["municipality", .. table.Dimensions]));
        var request = Tables.Request(cube, [.. Tables.ConcernTables, .. perMunicipality]);

        var result = Engine.Protect(request);

        Assert.True(result.Audit.Passed);
        Assert.False(result.Audit.IntervalsAreExact);
        Assert.Equal(result.Audit, Engine.Audit(request, result.Tables));
    }

    [Fact]
    public void A_rollup_is_published_and_audited_the_same_every_time()
    {
        // 300 cube cells: the complementary planner, whose failure cores and interval solves run on several threads.
        var unit = new Dimension("unit", [.. Enumerable.Range(1, 50).Select(number => $"u{number:000}")]);
        var cube = RandomCubes.Of(new Random(50), [unit, Tables.Age, Tables.Outcome], largest: 6);
        var perUnit = new[] { Tables.Total, Tables.By("age"), Tables.By("outcome"), Tables.By("age", "outcome") }
            .Select(table => new TableDefinition($"unit {table.Name}", ["unit", .. table.Dimensions]));
        var request = Tables.Request(cube, [Tables.Total, Tables.By("age"), Tables.By("outcome"), Tables.By("age", "outcome"), .. perUnit]);

        var first = Engine.Protect(request);
        var second = new DisclosureEngine().Protect(request);

        Assert.Equal(first.Audit, second.Audit);
        Assert.Equal(Printed(first), Printed(second));
        Assert.NotEmpty(first.Audit.SuppressedCells);
    }

    private static long?[] Printed(DisclosureResult result) => [.. result.Tables.SelectMany(table => table.Cells.Select(cell => cell.Value))];

    /// <summary>The true national figure, summed straight from the cube.</summary>
    private static long NationalValue(Cube cube, TableDefinition table, int position)
    {
        var dimensions = table.Dimensions.Select(name => cube.Dimensions.ToList().FindIndex(dimension => dimension.Name == name)).ToArray();
        var sizes = dimensions.Select(d => cube.Dimensions[d].Categories.Count).ToArray();
        var wanted = new int[sizes.Length];
        for (var p = sizes.Length - 1; p >= 0; p--)
        {
            wanted[p] = position % sizes[p];
            position /= sizes[p];
        }

        var total = 0L;
        foreach (var index in CategoryIndexes(cube))
        {
            if (dimensions.Select((d, p) => index[d] == wanted[p]).All(match => match))
            {
                total += cube[index];
            }
        }

        return total;
    }

    private static IEnumerable<int[]> CategoryIndexes(Cube cube) =>
        cube.Dimensions.Aggregate(
            new[] { Array.Empty<int>() }.AsEnumerable(),
            (prefixes, dimension) => prefixes.SelectMany(prefix => Enumerable.Range(0, dimension.Categories.Count).Select(category => (int[])[.. prefix, category])));
}
