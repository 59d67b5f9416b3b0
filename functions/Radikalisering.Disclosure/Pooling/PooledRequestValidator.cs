namespace Radikalisering.Disclosure;

/// <summary>Rejects pooled requests the engine cannot protect meaningfully, naming what is wrong.</summary>
internal static class PooledRequestValidator
{
    /// <summary>The fewest and the most years a pooled publication adds up.</summary>
    public const int FewestYears = 2;

    public const int MostYears = 3;

    public static void Validate(PooledRequest request)
    {
        ArgumentNullException.ThrowIfNull(request.Years, nameof(request.Years));
        if (request.Years.Count is < FewestYears or > MostYears)
        {
            throw new ArgumentException($"A pooled publication adds up {FewestYears} to {MostYears} years; {request.Years.Count} were given.", nameof(request));
        }

        foreach (var year in request.Years)
        {
            ArgumentNullException.ThrowIfNull(year, nameof(request.Years));
            ArgumentNullException.ThrowIfNull(year.Publication, nameof(year.Publication));
            RequestValidator.Validate(new DisclosureRequest(year.Cube, request.Tables, request.Settings, request.PreviousPublication));
        }

        if (request.Years.Zip(request.Years.Skip(1)).Any(pair => pair.First.Year >= pair.Second.Year))
        {
            throw new ArgumentException("The years of a pooled publication must be given oldest first, each once.", nameof(request));
        }

        var dimensions = request.Years[0].Cube.Dimensions;
        if (request.Years.Any(year => !year.Cube.Dimensions.SequenceEqual(dimensions)))
        {
            throw new ArgumentException("Every year of a pooled publication must have the same dimensions and categories.", nameof(request));
        }

        if (dimensions.Any(dimension => dimension.Name == StackedTables.YearDimension))
        {
            throw new ArgumentException($"A pooled cube may not have a dimension named '{StackedTables.YearDimension}'.", nameof(request));
        }

        if (dimensions.Aggregate(1L, (product, dimension) => product * dimension.Categories.Count) > DisclosureEngine.LargestCube)
        {
            throw new ArgumentException($"A pooled year's cube may have at most {DisclosureEngine.LargestCube} cells.", nameof(request));
        }
    }
}
