using Radikalisering.Disclosure;

namespace Radikalisering.Tests.Disclosure;

/// <summary>Every publication is made by the ladder; a request it cannot take is refused, naming why, and nothing is published.</summary>
public class LadderRefusalTests
{
    private static readonly TableDefinition ByAge = Tables.By("age");

    private readonly DisclosureEngine engine = new();

    [Fact]
    public void A_cube_over_the_largest_size_is_refused()
    {
        var unit = new Dimension("unit", [.. Enumerable.Range(1, 129).Select(number => $"u{number:000}")]);
        var cube = new Cube([unit, Tables.Age], [.. Enumerable.Repeat(6L, 129 * 2)]);

        var refusal = Assert.Throws<LadderRefusedException>(() => engine.Protect(Tables.Request(cube, [Tables.Total, Tables.By("unit"), ByAge])));

        Assert.Equal(LadderRefusal.CubeTooLarge, refusal.Reason);
        Assert.Contains($"{DisclosureEngine.LargestCube}", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cube_of_the_largest_size_is_published_by_the_ladder()
    {
        var unit = new Dimension("unit", [.. Enumerable.Range(1, 128).Select(number => $"u{number:000}")]);
        var cube = new Cube([unit, Tables.Age], [.. Enumerable.Repeat(6L, 128 * 2)]);

        var result = engine.Protect(Tables.Request(cube, [Tables.Total, ByAge]));

        Assert.Equal(DisclosureEngine.LargestCube, cube.CellCount);
        Assert.True(result.Audit.Passed);
        Assert.Equal(6 * 256, result.Cell("total").Value);
    }

    [Fact]
    public void Tables_without_a_grand_total_are_refused()
    {
        var cube = new Cube([Tables.Age], [8, 12]);

        var refusal = Assert.Throws<LadderRefusedException>(() => engine.Protect(Tables.Request(cube, [ByAge])));

        Assert.Equal(LadderRefusal.TablesOutsideLadder, refusal.Reason);
    }

    [Fact]
    public void A_previous_publication_that_withheld_its_total_is_refused_as_not_made_by_the_ladder()
    {
        // The former engine could withhold the total to keep a distribution; every ladder level prints the total.
        PublishedTable[] former =
        [
            new(Tables.Total, [new PublishedCell([], null, SuppressionReason.Secondary)]),
            new(ByAge, [new PublishedCell(["under18"], null, SuppressionReason.Primary), new PublishedCell(["adult"], 12, null)]),
        ];
        var cube = new Cube([Tables.Age], [3, 12]);

        var refusal = Assert.Throws<LadderRefusedException>(() => engine.Protect(new DisclosureRequest(cube, [Tables.Total, ByAge], new DisclosureSettings(), former)));

        Assert.Equal(LadderRefusal.PreviousPublicationNotFromLadder, refusal.Reason);
    }

    [Fact]
    public void A_previous_publication_of_a_year_withheld_whole_is_no_refusal()
    {
        PublishedTable[] withheldWhole =
        [
            new(Tables.Total, [new PublishedCell([], null, SuppressionReason.SmallTotal)]),
            new(ByAge, [new PublishedCell(["under18"], null, SuppressionReason.SmallTotal), new PublishedCell(["adult"], null, SuppressionReason.SmallTotal)]),
        ];
        var cube = new Cube([Tables.Age], [6, 12]);

        var result = engine.Protect(new DisclosureRequest(cube, [Tables.Total, ByAge], new DisclosureSettings(), withheldWhole));

        Assert.Equal(18, result.Cell("total").Value);
        Assert.True(result.Audit.Passed);
    }
}
