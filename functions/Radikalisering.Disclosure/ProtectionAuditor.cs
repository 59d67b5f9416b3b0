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
    public IReadOnlyList<ProtectionCheck> Violations(bool[] suppressed, CancellationToken cancellationToken) =>
        Find(suppressed, firstOnly: false, cancellationToken);

    /// <summary>For each side of each requirement, the first failing check if any (the no-record intruder first).</summary>
    public IReadOnlyList<ProtectionCheck> FirstViolations(bool[] suppressed, CancellationToken cancellationToken) =>
        Find(suppressed, firstOnly: true, cancellationToken);

    private List<ProtectionCheck> Find(bool[] suppressed, bool firstOnly, CancellationToken cancellationToken)
    {
        var view = new IntruderView(tables, suppressed, searchBound);
        var violations = new List<ProtectionCheck>();
        foreach (var requirement in requirements)
        {
            if (requirement.MayBeAtLeast is not null)
            {
                violations.AddRange(Failing(view, HighChecks(requirement), firstOnly, cancellationToken));
            }

            if (requirement.MayBeAtMost is not null)
            {
                violations.AddRange(Failing(view, LowChecks(requirement), firstOnly, cancellationToken));
            }
        }

        return violations;
    }

    /// <summary>
    /// For a failing check, an irreducible set of published cells whose publication alone makes it fail
    /// (QuickXplain: splits the candidates in halves, so few audits are needed when the core is small).
    /// </summary>
    public int[] FailureCore(ProtectionCheck check, bool[] suppressed, CancellationToken cancellationToken)
    {
        var published = Enumerable.Range(0, tables.Cells.Count).Where(index => !suppressed[index]).ToArray();
        var query = check.ToQuery();
        bool FailsWith(IEnumerable<int> publishedCells)
        {
            var pattern = Enumerable.Repeat(true, tables.Cells.Count).ToArray();
            foreach (var index in publishedCells)
            {
                pattern[index] = false;
            }

            return !new IntruderView(tables, pattern, searchBound).HasWitness(query, cancellationToken);
        }

        int[] Explain(int[] background, bool backgroundGrew, int[] candidates)
        {
            if (backgroundGrew && FailsWith(background))
            {
                return [];
            }

            if (candidates.Length == 1)
            {
                return candidates;
            }

            var first = candidates[..(candidates.Length / 2)];
            var second = candidates[(candidates.Length / 2)..];
            var fromSecond = Explain([.. background, .. first], first.Length > 0, second);
            var fromFirst = Explain([.. background, .. fromSecond], fromSecond.Length > 0, first);
            return [.. fromFirst, .. fromSecond];
        }

        if (!FailsWith(published))
        {
            throw new InvalidOperationException("The check holds; there is no core.");
        }

        var core = Explain([], backgroundGrew: false, published);
        if (core.Length == 0)
        {
            throw new InvalidOperationException("A protection requirement fails even with every cell withheld.");
        }

        return [.. core.Order()];
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
    /// Runs groups of checks in order. Each group starts with one witness query that, when it has a witness,
    /// settles every check of the group at once; only otherwise are the group's checks run one by one.
    /// </summary>
    private static IEnumerable<ProtectionCheck> Failing(IntruderView view, IEnumerable<(WitnessQuery? Shortcut, ProtectionCheck[] Checks)> groups, bool firstOnly, CancellationToken cancellationToken)
    {
        foreach (var (shortcut, checks) in groups)
        {
            if (shortcut is not null && view.HasWitness(shortcut, cancellationToken))
            {
                continue;
            }

            foreach (var check in checks.Where(check => !view.HasWitness(check.ToQuery(), cancellationToken)))
            {
                yield return check;
                if (firstOnly)
                {
                    yield break;
                }
            }
        }
    }

    /// <summary>
    /// One witness with a record in every non-empty cube cell and the count at the bound plus one serves every
    /// intruder at once.
    /// </summary>
    private IEnumerable<(WitnessQuery?, ProtectionCheck[])> HighChecks(ProtectionRequirement requirement)
    {
        var anyInsiderInside = insiders.Any(requirement.Support.Contains);
        var combined = new WitnessQuery(insiders, requirement.Support, AtMost: null, requirement.MayBeAtLeast + (anyInsiderInside ? 1 : 0));
        yield return (combined, Checks(requirement, CheckDirection.High, insiders).ToArray());
    }

    /// <summary>
    /// Intruders whose record lies outside the support share one witness (count at the bound, a record in each of
    /// their cells); intruders inside the support each need their own.
    /// </summary>
    private IEnumerable<(WitnessQuery?, ProtectionCheck[])> LowChecks(ProtectionRequirement requirement)
    {
        var outside = insiders.Where(cell => !requirement.Support.Contains(cell)).ToArray();
        var inside = insiders.Where(cell => requirement.Support.Contains(cell)).ToArray();
        var combined = new WitnessQuery(outside, requirement.Support, requirement.MayBeAtMost, AtLeast: null);
        yield return (combined, Checks(requirement, CheckDirection.Low, outside).ToArray());
        yield return (null, inside.Select(cell => new ProtectionCheck(requirement, cell, CheckDirection.Low)).ToArray());
    }

    private static IEnumerable<ProtectionCheck> Checks(ProtectionRequirement requirement, CheckDirection direction, IEnumerable<int> insiders) =>
        insiders.Select(cell => new ProtectionCheck(requirement, cell, direction))
            .Prepend(new ProtectionCheck(requirement, Insider: null, direction));
}
