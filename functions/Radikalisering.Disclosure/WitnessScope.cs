namespace Radikalisering.Disclosure;

/// <summary>
/// Which cube cells a witness may change. Small cubes: all of them, so every check is exact. Large cubes
/// (rollups of many units): the unit the protected cells lie in plus one partner unit (the largest other one),
/// with every other cell held at its true value. A witness found this way is a real witness, so a check that
/// passes is proven; a check that fails may be over-cautious, which can only withhold more, never less.
/// </summary>
internal sealed class WitnessScope
{
    /// <summary>Cubes up to this many cells are always searched whole.</summary>
    public const int LargestExactCube = 256;

    private readonly int[][]? cellsByUnit;
    private readonly int unitDimension;
    private readonly int[] unitsBySize = [];
    private readonly Cube cube;

    public WitnessScope(Cube cube)
    {
        this.cube = cube;
        if (cube.CellCount <= LargestExactCube)
        {
            return;
        }

        unitDimension = Enumerable.Range(0, cube.Dimensions.Count).MaxBy(d => cube.Dimensions[d].Categories.Count);
        var units = cube.Dimensions[unitDimension].Categories.Count;
        cellsByUnit = Enumerable.Range(0, units)
            .Select(unit => Enumerable.Range(0, cube.CellCount).Where(cell => cube.CategoryOf(cell, unitDimension) == unit).ToArray())
            .ToArray();
        unitsBySize = Enumerable.Range(0, units)
            .OrderByDescending(unit => cellsByUnit[unit].Sum(cube.CountAt))
            .ThenBy(unit => unit)
            .ToArray();
    }

    /// <summary>True when every scope is the whole cube.</summary>
    public bool IsExact => cellsByUnit is null;

    /// <summary>How many units the cells lie in; 1 for small cubes, which are not split into units.</summary>
    public int UnitsSpanned(int[] support) =>
        cellsByUnit is null ? 1 : Math.Max(1, support.Select(cell => cube.CategoryOf(cell, unitDimension)).Distinct().Count());

    /// <summary>The cube cells a witness for these protected cells may change; null means all.</summary>
    public int[]? For(int[] support)
    {
        if (cellsByUnit is null || support.Length == 0)
        {
            return null;
        }

        var units = support.Select(cell => cube.CategoryOf(cell, unitDimension)).Distinct().ToArray();
        if (units.Length != 1)
        {
            return null;
        }

        var partner = unitsBySize.First(unit => unit != units[0]);
        return [.. cellsByUnit[units[0]].Concat(cellsByUnit[partner]).Order()];
    }
}
