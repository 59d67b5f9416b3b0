namespace Radikalisering.Disclosure;

/// <summary>Rejects requests the engine cannot protect meaningfully, naming what is wrong.</summary>
internal static class RequestValidator
{
    public static void Validate(DisclosureRequest request)
    {
        ArgumentNullException.ThrowIfNull(request.Cube, nameof(request.Cube));
        ArgumentNullException.ThrowIfNull(request.Tables, nameof(request.Tables));
        ArgumentNullException.ThrowIfNull(request.Settings, nameof(request.Settings));

        if (request.Settings.Threshold < DisclosureSettings.MinimumThreshold)
        {
            throw new ArgumentException($"The threshold must be at least {DisclosureSettings.MinimumThreshold}; it was {request.Settings.Threshold}.", nameof(request));
        }

        if ((request.Settings.Costs ?? []).Any(cost => cost.Cost < 1))
        {
            throw new ArgumentException("Cell costs must be at least 1.", nameof(request));
        }

        if (request.Tables.Count == 0)
        {
            throw new ArgumentException("At least one table must be requested.", nameof(request));
        }

        if (request.Tables.Select(table => table.Name).Distinct(StringComparer.Ordinal).Count() != request.Tables.Count)
        {
            throw new ArgumentException("Table names must be unique.", nameof(request));
        }

        var dimensionNames = request.Cube.Dimensions.Select(dimension => dimension.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var table in request.Tables.Concat((request.PreviousPublication ?? []).Select(published => published.Definition)))
        {
            if (table.Dimensions.Distinct(StringComparer.Ordinal).Count() != table.Dimensions.Count)
            {
                throw new ArgumentException($"Table '{table.Name}' repeats a dimension.", nameof(request));
            }

            var unknown = table.Dimensions.FirstOrDefault(name => !dimensionNames.Contains(name));
            if (unknown is not null)
            {
                throw new ArgumentException($"Table '{table.Name}' uses dimension '{unknown}', which the cube does not have.", nameof(request));
            }
        }
    }
}
