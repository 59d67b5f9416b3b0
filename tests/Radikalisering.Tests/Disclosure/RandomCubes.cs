using Radikalisering.Disclosure;

namespace Radikalisering.Tests.Disclosure;

/// <summary>Seeded random cubes with the mix of zeros, small and large counts that real years have.</summary>
internal static class RandomCubes
{
    public static Cube Concern(Random random) =>
        new([Tables.Age, Tables.Reporter, Tables.Outcome], Counts(random, 18, largest: 12));

    public static Cube Of(Random random, IReadOnlyList<Dimension> dimensions, int largest)
    {
        var cells = dimensions.Aggregate(1, (product, dimension) => product * dimension.Categories.Count);
        return new Cube(dimensions, Counts(random, cells, largest));
    }

    private static long[] Counts(Random random, int cells, int largest)
    {
        // About a third empty, a third small, a third anything up to the largest.
        return Enumerable.Range(0, cells)
            .Select(_ => random.Next(3) switch
            {
                0 => 0L,
                1 => random.Next(1, 5),
                _ => random.Next(0, largest + 1),
            })
            .ToArray();
    }
}
