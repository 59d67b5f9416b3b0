namespace Radikalisering.Disclosure;

/// <summary>
/// Non-negative counts over the cartesian product of the dimensions, stored row-major (last dimension fastest).
/// </summary>
public sealed class Cube
{
    private readonly long[] counts;
    private readonly int[] strides;

    public Cube(IReadOnlyList<Dimension> dimensions, IReadOnlyList<long> counts)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        ArgumentNullException.ThrowIfNull(counts);
        ValidateDimensions(dimensions);

        var cellCount = dimensions.Aggregate(1L, (product, dimension) => product * dimension.Categories.Count);
        if (counts.Count != cellCount)
        {
            throw new ArgumentException($"The cube has {cellCount} cells but {counts.Count} counts were given.", nameof(counts));
        }

        if (counts.Any(count => count < 0))
        {
            throw new ArgumentException("Counts must not be negative.", nameof(counts));
        }

        Dimensions = dimensions.ToArray();
        this.counts = counts.ToArray();
        strides = new int[Dimensions.Count];
        var stride = 1;
        for (var d = Dimensions.Count - 1; d >= 0; d--)
        {
            strides[d] = stride;
            stride *= Dimensions[d].Categories.Count;
        }
    }

    public IReadOnlyList<Dimension> Dimensions { get; }

    /// <summary>The number of cells (the product of the category counts).</summary>
    public int CellCount => counts.Length;

    /// <summary>The sum of all counts.</summary>
    public long Total => counts.Sum();

    public long this[params int[] categoryIndexes]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(categoryIndexes);
            if (categoryIndexes.Length != Dimensions.Count)
            {
                throw new ArgumentException($"Expected {Dimensions.Count} category indexes.", nameof(categoryIndexes));
            }

            var offset = 0;
            for (var d = 0; d < categoryIndexes.Length; d++)
            {
                ArgumentOutOfRangeException.ThrowIfNegative(categoryIndexes[d], nameof(categoryIndexes));
                ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(categoryIndexes[d], Dimensions[d].Categories.Count, nameof(categoryIndexes));
                offset += categoryIndexes[d] * strides[d];
            }

            return counts[offset];
        }
    }

    internal long CountAt(int cell) => counts[cell];

    internal int CategoryOf(int cell, int dimension) => cell / strides[dimension] % Dimensions[dimension].Categories.Count;

    private static void ValidateDimensions(IReadOnlyList<Dimension> dimensions)
    {
        if (dimensions.Count == 0)
        {
            throw new ArgumentException("A cube needs at least one dimension.", nameof(dimensions));
        }

        if (dimensions.Select(dimension => dimension.Name).Distinct(StringComparer.Ordinal).Count() != dimensions.Count)
        {
            throw new ArgumentException("Dimension names must be unique.", nameof(dimensions));
        }

        foreach (var dimension in dimensions)
        {
            if (dimension.Categories.Count == 0 || dimension.Categories.Distinct(StringComparer.Ordinal).Count() != dimension.Categories.Count)
            {
                throw new ArgumentException($"Dimension '{dimension.Name}' needs at least one category and unique category names.", nameof(dimensions));
            }
        }
    }
}
