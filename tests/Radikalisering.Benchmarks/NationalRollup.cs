using Radikalisering.Disclosure;

namespace Radikalisering.Benchmarks;

/// <summary>
/// The seeded national rollup the benchmarks protect: 98 municipalities' years (a 98 × 2 × 3 × 3 cube), the six
/// national tables and the same six per municipality.
/// </summary>
internal static class NationalRollup
{
    private static readonly Dimension Age = new("age", ["under18", "adult"]);
    private static readonly Dimension Reporter = new("reporter", ["municipalEmployee", "otherAuthority", "other"]);
    private static readonly Dimension Outcome = new("outcome", ["pending", "confirmed", "dismissed"]);

    /// <summary>The rollup of the first <paramref name="municipalities"/> of the 98 seeded municipal years.</summary>
    public static DisclosureRequest Request(int municipalities)
    {
        var random = new Random(98);
        var years = Enumerable.Range(0, 98).Select(_ => MunicipalityYear(random)).ToArray()[..municipalities];
        var municipality = new Dimension("municipality", [.. Enumerable.Range(1, municipalities).Select(number => $"m{number:000}")]);
        var tables = NationalTables().Concat(NationalTables().Select(table =>
            new TableDefinition($"municipality {table.Name}", [municipality.Name, .. table.Dimensions]))).ToArray();
        return new DisclosureRequest(new Cube([municipality, Age, Reporter, Outcome], [.. years.SelectMany(year => year)]), tables, new DisclosureSettings());
    }

    private static TableDefinition[] NationalTables() =>
    [
        new("total", []),
        new("age", ["age"]),
        new("reporter", ["reporter"]),
        new("outcome", ["outcome"]),
        new("age × outcome", ["age", "outcome"]),
        new("reporter × outcome", ["reporter", "outcome"]),
    ];

    /// <summary>A municipality's year: mostly small and empty cells, as in the real registrations.</summary>
    private static long[] MunicipalityYear(Random random)
    {
        var size = random.Next(0, 4) == 0 ? 4 : 1;
        return Enumerable.Range(0, 18).Select(_ => (long)(random.Next(0, 3) == 0 ? random.Next(0, 3 * size) : 0)).ToArray();
    }
}
