namespace Radikalisering.Disclosure;

/// <summary>
/// Decides whether a suppression pattern meets every requirement for every intruder (no known record, or one
/// known record in any non-empty cube cell), and computes each suppressed cell's integer range.
/// </summary>
internal sealed class ProtectionAuditor
{
    private readonly LinkedTables tables;
    private readonly IReadOnlyList<ProtectionRequirement> requirements;
    private readonly long searchBound;
    private readonly WitnessScope scopes;
    private readonly HashSet<int> insiders;
    private readonly WitnessPool pool;
    private readonly Dictionary<ProtectionRequirement, Scoped> scoped = [];
    private readonly Dictionary<string, Scoped> scopesByCells = new(StringComparer.Ordinal);
    private readonly Dictionary<(ProtectionRequirement, CheckDirection), (string Signature, ProtectionCheck[] Failing)> remembered = [];

    public ProtectionAuditor(LinkedTables tables, IReadOnlyList<ProtectionRequirement> requirements, long searchBound)
    {
        this.tables = tables;
        this.requirements = requirements;
        this.searchBound = searchBound;
        scopes = new WitnessScope(tables.Cube);
        insiders = [.. Enumerable.Range(0, tables.Cube.CellCount).Where(cell => tables.Cube.CountAt(cell) > 0)];
        pool = new WitnessPool(tables);
    }

    /// <summary>Every failing check. Empty means the pattern protects everything.</summary>
    public IReadOnlyList<ProtectionCheck> Violations(bool[] suppressed, CancellationToken cancellationToken) =>
        [.. Find(suppressed, requirements, firstOnly: false, cancellationToken).SelectMany(side => side.Failing)];

    /// <summary>
    /// For each side of each given requirement that fails (the no-record intruder checked first), a set of published
    /// cells whose publication alone makes its first failing check fail (see <see cref="FailureExplainer"/>), in the
    /// requirements' order. None means the pattern protects the given requirements. Most cores are found on every
    /// core while the sides run (<see cref="RunAhead"/>), the rest afterwards, also on every core.
    /// </summary>
    public int[][] FirstFailureCores(bool[] suppressed, IEnumerable<ProtectionRequirement> block, CancellationToken cancellationToken)
    {
        var failing = Find(suppressed, block, firstOnly: true, cancellationToken).Where(side => side.Failing.Length > 0).ToArray();
        SolverSettings.EachInParallel(
            failing.Length,
            f => failing[f].Core ??= Explainer(failing[f].Scope, suppressed).Core(failing[f].Failing[0].ToQuery(), cancellationToken),
            cancellationToken);
        return [.. failing.Select(side => side.Core!)];
    }

    /// <summary>
    /// The requirements grouped by witness scope: requirements spanning units (whole-cube scope) first, then
    /// one group per unit in unit order. A small cube is one group. Checks of one group look only at the table
    /// cells touching its scope, so the planner can settle the groups one after another.
    /// </summary>
    public IEnumerable<ProtectionRequirement[]> Blocks() =>
        requirements
            .GroupBy(requirement => ScopeOf(requirement).Cells is { } cells ? string.Join(',', cells) : string.Empty, StringComparer.Ordinal)
            .OrderBy(group => group.Key.Length == 0 ? 0 : 1)
            .ThenBy(group => group.Min(requirement => requirement.Support.DefaultIfEmpty().Min()))
            .Select(group => group.ToArray());

    /// <summary>How many units a table cell adds up (see <see cref="WitnessScope.UnitsSpanned"/>).</summary>
    public int UnitsSpanned(TableCell cell) => scopes.UnitsSpanned(cell.Support);

    /// <summary>
    /// Whether every requirement holds, and every withheld cell's range. The ends the witness pool settles are found
    /// first; the rest are independent solves, run on every core, each core on one model per view.
    /// </summary>
    public DisclosureAudit Audit(bool[] suppressed, CancellationToken cancellationToken)
    {
        var passed = Violations(suppressed, cancellationToken).Count == 0;
        var sensitive = requirements
            .Where(requirement => requirement.Kind != RequirementKind.GroupDisclosure)
            .Select(requirement => requirement.Cell.Index)
            .ToHashSet();
        var views = new Dictionary<string, IntruderView>(StringComparer.Ordinal);
        var withheld = tables.Cells.Where(cell => suppressed[cell.Index]).ToArray();
        var viewOf = withheld
            .Select(cell =>
            {
                var scope = scopes.For(cell.Support);
                var key = scope is null ? string.Empty : string.Join(',', scope);
                return views.TryGetValue(key, out var view) ? view : views[key] = new IntruderView(tables, suppressed, searchBound, pool, scope);
            })
            .ToArray();
        var minima = new long?[withheld.Length];
        var maxima = new long?[withheld.Length];
        for (var c = 0; c < withheld.Length; c++)
        {
            (minima[c], maxima[c]) = viewOf[c].KnownEnds(withheld[c].Support);
        }

        var solves = Enumerable.Range(0, withheld.Length)
            .SelectMany(c => new[] { (Cell: c, Maximize: false), (Cell: c, Maximize: true) })
            .Where(end => (end.Maximize ? maxima : minima)[end.Cell] is null)
            .ToArray();
        SolverSettings.EachInParallel(
            solves.Length,
            () => new Dictionary<IntruderView, ScopeModel>(),
            (models, s) =>
            {
                var (c, maximize) = solves[s];
                var model = models.TryGetValue(viewOf[c], out var existing) ? existing : models[viewOf[c]] = viewOf[c].NewPublishedModel();
                (maximize ? maxima : minima)[c] = IntruderView.Optimize(model, withheld[c].Support, maximize, cancellationToken);
            },
            cancellationToken);
        var intervals = withheld
            .Select((cell, c) => new CellInterval(cell.Table.Name, cell.Categories, minima[c]!.Value, maxima[c]!.Value, sensitive.Contains(cell.Index)))
            .ToArray();
        return new DisclosureAudit(intervals, passed) { IntervalsAreExact = scopes.IsExact };
    }

    /// <summary>
    /// The failing checks of every side of every requirement, in order. A side whose table cells around its scope are
    /// withheld as when the planner last ran it fails as it did then. The sides to run depend on each other only through
    /// the pool they share, and the pool only saves searches: a search and the pool give the same answers. So the sides
    /// run on every core at once (<see cref="RunAhead"/>), and then their questions are replayed in order
    /// (<see cref="IntruderView.Replay"/>), which leaves the pool as if the sides had run one after another.
    /// </summary>
    private List<Side> Find(bool[] suppressed, IEnumerable<ProtectionRequirement> block, bool firstOnly, CancellationToken cancellationToken)
    {
        var views = new Dictionary<Scoped, IntruderView>();
        var sides = new List<Side>();
        foreach (var requirement in block)
        {
            var scope = ScopeOf(requirement);
            var signature = string.Concat(scope.Touching.Select(index => suppressed[index] ? '1' : '0'));
            foreach (var (direction, present) in new[] { (CheckDirection.High, requirement.MayBeAtLeast is not null), (CheckDirection.Low, requirement.MayBeAtMost is not null) })
            {
                if (!present)
                {
                    continue;
                }

                var key = (requirement, direction);
                if (firstOnly && remembered.TryGetValue(key, out var known) && known.Signature == signature)
                {
                    sides.Add(new Side(key, scope, signature, View: null, Groups: []) { Failing = known.Failing });
                    continue;
                }

                var view = views.TryGetValue(scope, out var existing) ? existing : views[scope] = new IntruderView(tables, suppressed, searchBound, pool, scope.Cells);
                sides.Add(new Side(key, scope, signature, view, direction == CheckDirection.High ? HighChecks(requirement, scope) : LowChecks(requirement, scope)));
            }
        }

        var toRun = sides.Where(side => side.View is not null).ToArray();
        if (toRun.Length < 2)
        {
            foreach (var side in toRun)
            {
                side.Failing = [.. Failing(query => side.View!.HasWitness(query, cancellationToken), side.Groups, firstOnly)];
            }
        }
        else
        {
            var ahead = RunAhead(toRun, suppressed, firstOnly, cancellationToken);
            for (var s = 0; s < toRun.Length; s++)
            {
                toRun[s].View!.Replay(ahead[s], cancellationToken);
            }
        }

        if (firstOnly)
        {
            foreach (var side in toRun)
            {
                remembered[side.Key] = (side.Signature, side.Failing);
            }
        }

        return sides;
    }

    /// <summary>
    /// Runs the sides on every core, each core on its own copies of the views' models, against the pool as it stands plus
    /// the cubes found meanwhile (a shared <see cref="WitnessPool.Layer"/>): each side's failing checks, and the questions
    /// it asked with the searches made for them, for <see cref="IntruderView.Replay"/>. For the planner (first failures
    /// only) the core that found a side failing also explains the failure, on its own explainer of the scope.
    /// </summary>
    private SearchesAhead[] RunAhead(Side[] sides, bool[] suppressed, bool firstOnly, CancellationToken cancellationToken)
    {
        var ahead = sides.Select(_ => new SearchesAhead()).ToArray();
        var layer = pool.Layer();
        SolverSettings.EachInParallel(
            sides.Length,
            () => (Models: new Dictionary<IntruderView, ScopeModel>(), Explainers: new Dictionary<Scoped, FailureExplainer>()),
            (worker, s) =>
            {
                var side = sides[s];
                var view = side.View!;
                var model = worker.Models.TryGetValue(view, out var existing) ? existing : worker.Models[view] = view.NewPublishedModel();
                side.Failing = [.. Failing(query => view.SearchAhead(query, layer, model, ahead[s], cancellationToken), side.Groups, firstOnly)];
                if (firstOnly && side.Failing.Length > 0)
                {
                    var explainer = worker.Explainers.TryGetValue(side.Scope, out var known) ? known : worker.Explainers[side.Scope] = Explainer(side.Scope, suppressed);
                    side.Core = explainer.Core(side.Failing[0].ToQuery(), cancellationToken);
                }
            },
            cancellationToken);
        return ahead;
    }

    private FailureExplainer Explainer(Scoped scope, bool[] suppressed) =>
        new(tables.Cube, searchBound, scope.Varying, scope.VaryingSupports, scope.Touching.Where(index => !suppressed[index]));

    /// <summary>Requirements with the same witness scope share one <see cref="Scoped"/>, and so one intruder view per pattern.</summary>
    private Scoped ScopeOf(ProtectionRequirement requirement)
    {
        if (!scoped.TryGetValue(requirement, out var scope))
        {
            var cells = scopes.For(requirement.Support);
            var key = cells is null ? string.Empty : string.Join(',', cells);
            if (!scopesByCells.TryGetValue(key, out scope))
            {
                var varying = cells ?? [.. Enumerable.Range(0, tables.Cube.CellCount)];
                var touching = varying.SelectMany(cubeCell => tables.CoveringCells[cubeCell]).Distinct().Order().ToArray();
                var scopeInsiders = varying.Where(insiders.Contains).ToArray();
                scope = scopesByCells[key] = new Scoped(cells, varying, tables.VaryingSupports(varying), touching, scopeInsiders);
            }

            scoped[requirement] = scope;
        }

        return scope;
    }

    /// <summary>
    /// Runs groups of checks in order. A group may start with one witness query that, when it has a witness,
    /// settles every check of the group at once; only otherwise are the group's checks run one by one.
    /// </summary>
    private static IEnumerable<ProtectionCheck> Failing(Func<WitnessQuery, bool> hasWitness, IEnumerable<(WitnessQuery? Shortcut, ProtectionCheck[] Checks)> groups, bool firstOnly)
    {
        foreach (var (shortcut, checks) in groups.Where(group => group.Checks.Length > 0))
        {
            if (shortcut is not null && hasWitness(shortcut))
            {
                continue;
            }

            foreach (var check in checks.Where(check => !hasWitness(check.ToQuery())))
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
    /// The intruder who knows no record first: that check fails most often, and the planner stops at a failure.
    /// Then one witness with a record in every non-empty cube cell and the count at the bound plus one serves every
    /// insider at once. Intruders outside a scope need no check of their own: their cells keep true, non-zero counts.
    /// </summary>
    private static IEnumerable<(WitnessQuery?, ProtectionCheck[])> HighChecks(ProtectionRequirement requirement, Scoped scope)
    {
        var anyInsiderInside = scope.Insiders.Any(requirement.Support.Contains);
        var combined = new WitnessQuery(scope.Insiders, requirement.Support, AtMost: null, requirement.MayBeAtLeast + (anyInsiderInside ? 1 : 0));
        yield return (null, [new ProtectionCheck(requirement, Insider: null, CheckDirection.High)]);
        yield return (combined, Checks(requirement, CheckDirection.High, scope.Insiders));
    }

    /// <summary>
    /// The intruder who knows no record first. Intruders whose record lies outside the support share one witness
    /// (count at the bound, a record in each of their cells); intruders inside the support each need their own.
    /// </summary>
    private static IEnumerable<(WitnessQuery?, ProtectionCheck[])> LowChecks(ProtectionRequirement requirement, Scoped scope)
    {
        var outside = scope.Insiders.Where(cell => !requirement.Support.Contains(cell)).ToArray();
        var inside = scope.Insiders.Where(cell => requirement.Support.Contains(cell)).ToArray();
        var combined = new WitnessQuery(outside, requirement.Support, requirement.MayBeAtMost, AtLeast: null);
        yield return (null, [new ProtectionCheck(requirement, Insider: null, CheckDirection.Low)]);
        yield return (combined, Checks(requirement, CheckDirection.Low, outside));
        yield return (null, Checks(requirement, CheckDirection.Low, inside));
    }

    private static ProtectionCheck[] Checks(ProtectionRequirement requirement, CheckDirection direction, IEnumerable<int> insiders) =>
        [.. insiders.Select(cell => new ProtectionCheck(requirement, cell, direction))];

    /// <summary>
    /// A requirement's witness scope (null cells = whole cube; Varying lists them either way), the table cells' supports
    /// within it, the table cells touching it, and the insiders in it.
    /// </summary>
    private sealed record Scoped(int[]? Cells, int[] Varying, IReadOnlyDictionary<int, int[]> VaryingSupports, int[] Touching, int[] Insiders);

    /// <summary>
    /// One side of one requirement in one call of <see cref="Find"/>: its failing checks, remembered (no view) or to be
    /// run on the view of its scope, and the core of the first one once explained.
    /// </summary>
    private sealed record Side((ProtectionRequirement, CheckDirection) Key, Scoped Scope, string Signature, IntruderView? View, IEnumerable<(WitnessQuery?, ProtectionCheck[])> Groups)
    {
        public ProtectionCheck[] Failing { get; set; } = [];

        public int[]? Core { get; set; }
    }
}
