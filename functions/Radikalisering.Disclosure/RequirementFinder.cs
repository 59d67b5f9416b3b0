namespace Radikalisering.Disclosure;

/// <summary>Finds what must be protected: small counts, group disclosure, and small changes since an earlier publication.</summary>
internal static class RequirementFinder
{
    public static IReadOnlyList<ProtectionRequirement> Find(LinkedTables tables, int threshold, PriorPublication prior)
    {
        var requirements = new List<ProtectionRequirement>();
        requirements.AddRange(SmallCounts(tables, threshold));
        requirements.AddRange(GroupDisclosures(tables, threshold));
        requirements.AddRange(SmallChanges(tables.Cube, threshold, prior));
        return requirements;
    }

    private static IEnumerable<ProtectionRequirement> SmallCounts(LinkedTables tables, int threshold) =>
        tables.Cells
            .Where(cell => cell.Value >= 1 && cell.Value < threshold)
            .Select(cell => new ProtectionRequirement(RequirementKind.SmallCount, cell, cell.Support, MayBeAtMost: 0, MayBeAtLeast: threshold));

    /// <summary>
    /// In a table of two or more dimensions, take every row along every dimension (the other dimensions held
    /// fixed). When the row is non-empty and all of it sits in one cell, everyone in the row shares that
    /// cell's category; the rest of the row must then look as if it could hold k or more.
    /// </summary>
    private static IEnumerable<ProtectionRequirement> GroupDisclosures(LinkedTables tables, int threshold)
    {
        for (var t = 0; t < tables.Tables.Count; t++)
        {
            var dimensionCount = tables.Tables[t].Dimensions.Count;
            if (dimensionCount < 2)
            {
                continue;
            }

            var cells = tables.CellsOf(t).ToArray();
            for (var varying = 0; varying < dimensionCount; varying++)
            {
                var rows = cells.GroupBy(cell => RowKey(cell, varying), StringComparer.Ordinal);
                foreach (var row in rows)
                {
                    var nonEmpty = row.Where(cell => cell.Value > 0).ToArray();
                    if (row.Count() < 2 || nonEmpty.Length != 1)
                    {
                        continue;
                    }

                    var rest = row.Where(cell => cell != nonEmpty[0]).SelectMany(cell => cell.Support).Order().ToArray();
                    yield return new ProtectionRequirement(RequirementKind.GroupDisclosure, nonEmpty[0], rest, MayBeAtMost: null, MayBeAtLeast: threshold);
                }
            }
        }
    }

    private static string RowKey(TableCell cell, int varying) =>
        string.Join('\u001f', cell.Categories.Where((_, position) => position != varying));

    /// <summary>
    /// A figure printed before and now differing by 1..k−1 reveals a small group of late, changed or deleted
    /// records. The new figure must look as if it could be unchanged and as if it could have moved by k or more.
    /// </summary>
    private static IEnumerable<ProtectionRequirement> SmallChanges(Cube cube, int threshold, PriorPublication prior)
    {
        foreach (var (cell, earlierValue) in prior.PublishedValues(cube))
        {
            var change = cell.Value - earlierValue;
            if (change >= 1 && change < threshold)
            {
                yield return new ProtectionRequirement(RequirementKind.SmallChange, cell, cell.Support, MayBeAtMost: earlierValue, MayBeAtLeast: earlierValue + threshold);
            }
            else if (change <= -1 && change > -threshold)
            {
                yield return new ProtectionRequirement(RequirementKind.SmallChange, cell, cell.Support, MayBeAtMost: Math.Max(0, earlierValue - threshold), MayBeAtLeast: earlierValue);
            }
        }
    }
}
