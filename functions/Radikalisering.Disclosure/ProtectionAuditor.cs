namespace Radikalisering.Disclosure;

/// <summary>
/// Decides, exactly, whether a suppression pattern meets every requirement for every intruder (no known record,
/// or one known record in any non-empty cube cell), and computes each suppressed cell's integer range.
/// </summary>
internal sealed class ProtectionAuditor
{
    private readonly LinkedTables tables;
    private readonly IReadOnlyList<ProtectionRequirement> requirements;
    private readonly long searchBound;
    private readonly int[] insiders;

    public ProtectionAuditor(LinkedTables tables, IReadOnlyList<ProtectionRequirement> requirements, long searchBound)
    {
        this.tables = tables;
        this.requirements = requirements;
        this.searchBound = searchBound;
        insiders = Enumerable.Range(0, tables.Cube.CellCount).Where(cell => tables.Cube.CountAt(cell) > 0).ToArray();
    }

    /// <summary>Every failing check. Empty means the pattern protects everything.</summary>
    public IReadOnlyList<ProtectionCheck> Violations(bool[] suppressed, CancellationToken cancellationToken)
    {
        var view = new IntruderView(tables, suppressed, searchBound);
        var violations = new List<ProtectionCheck>();
        foreach (var requirement in requirements)
        {
            if (requirement.MayBeAtLeast is not null)
            {
                violations.AddRange(HighViolations(view, requirement, cancellationToken));
            }

            if (requirement.MayBeAtMost is not null)
            {
                violations.AddRange(LowViolations(view, requirement, cancellationToken));
            }
        }

        return violations;
    }

    public DisclosureAudit Audit(bool[] suppressed, CancellationToken cancellationToken)
    {
        var passed = Violations(suppressed, cancellationToken).Count == 0;
        var view = new IntruderView(tables, suppressed, searchBound);
        var sensitive = requirements
            .Where(requirement => requirement.Kind != RequirementKind.GroupDisclosure)
            .Select(requirement => requirement.Cell.Index)
            .ToHashSet();
        var intervals = tables.Cells
            .Where(cell => suppressed[cell.Index])
            .Select(cell =>
            {
                var (minimum, maximum) = view.Interval(cell.Support, cancellationToken);
                return new CellInterval(cell.Table.Name, cell.Categories, minimum, maximum, sensitive.Contains(cell.Index));
            })
            .ToArray();
        return new DisclosureAudit(intervals, passed);
    }

    /// <summary>
    /// One witness with a record in every non-empty cube cell and the count at k + 1 serves every intruder at once;
    /// only when none exists are the intruders examined one by one.
    /// </summary>
    private ProtectionCheck[] HighViolations(IntruderView view, ProtectionRequirement requirement, CancellationToken cancellationToken)
    {
        var anyInsiderInside = insiders.Any(requirement.Support.Contains);
        var combined = new WitnessQuery(insiders, requirement.Support, AtMost: null, requirement.MayBeAtLeast + (anyInsiderInside ? 1 : 0));
        if (view.HasWitness(combined, cancellationToken))
        {
            return [];
        }

        return Checks(requirement, CheckDirection.High, insiders)
            .Where(check => !view.HasWitness(check.ToQuery(), cancellationToken))
            .ToArray();
    }

    /// <summary>
    /// Intruders whose record lies outside the support share one witness (count at the bound, a record in each of
    /// their cells); intruders inside the support each need their own.
    /// </summary>
    private List<ProtectionCheck> LowViolations(IntruderView view, ProtectionRequirement requirement, CancellationToken cancellationToken)
    {
        var outside = insiders.Where(cell => !requirement.Support.Contains(cell)).ToArray();
        var inside = insiders.Where(cell => requirement.Support.Contains(cell)).ToArray();
        var violations = new List<ProtectionCheck>();

        var combined = new WitnessQuery(outside, requirement.Support, requirement.MayBeAtMost, AtLeast: null);
        if (!view.HasWitness(combined, cancellationToken))
        {
            violations.AddRange(Checks(requirement, CheckDirection.Low, outside)
                .Where(check => !view.HasWitness(check.ToQuery(), cancellationToken)));
        }

        violations.AddRange(inside
            .Select(cell => new ProtectionCheck(requirement, cell, CheckDirection.Low))
            .Where(check => !view.HasWitness(check.ToQuery(), cancellationToken)));
        return violations;
    }

    private static IEnumerable<ProtectionCheck> Checks(ProtectionRequirement requirement, CheckDirection direction, IEnumerable<int> insiders) =>
        insiders.Select(cell => new ProtectionCheck(requirement, cell, direction))
            .Prepend(new ProtectionCheck(requirement, Insider: null, direction));
}
