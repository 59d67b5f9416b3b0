namespace Radikalisering.Disclosure;

/// <summary>
/// Decides, from the printed figures alone, whether a level keeps its promise against an intruder who replays
/// the method. The intruder's candidates are the cubes that print the same figures and for which every cheaper
/// level is not admissible (so the engine would have come down to this level too). For every withheld cell,
/// and for the intruder who knows no record or one record in any cube cell, some candidate has the others'
/// count in the cell at 0 and some at k or more; for every line of a withheld table of two or more dimensions
/// and every cell on it, some candidate has k or more of the others outside that cell (no group fact is certain).
/// In a republication, every withheld cell printed earlier could have moved by k or more, unless no cube printing
/// these figures moves it by 1 to k − 1: a small change cannot be told from a large one. (That it changed at all may
/// be learned: the engine prints an unchanged figure again when it can.)
/// The input is the level and the printed figures, never the true cube: the verdict is one the intruder can
/// compute, so it tells them nothing the printed figures did not. A cheaper level can also have been passed over
/// because its own gate failed; counting only "not admissible" leaves out those candidates, which can only make
/// the gate stricter, never weaker. The same questions, with targets and passed-over conditions of its own, make the
/// pooled gate over a stacked cube of years (see <see cref="PooledQuestion"/>).
/// </summary>
internal sealed class ReplayGate
{
    private readonly int threshold;
    private readonly int cubeCells;
    private readonly List<long[]> witnesses = [];
    private readonly List<long[]> printingCubes = [];
    private readonly CandidateShifter shifter;
    private readonly CandidateSolver solver;
    private readonly Dictionary<int, bool> possibleInsider = [];

    /// <param name="printed">The printed figures by table cell index; null for every withheld cell.</param>
    /// <param name="passedOver">For every passed-over level, the conditions of which a candidate fails at least one.</param>
    /// <param name="bound">The largest count a cube cell can hold (the printed grand total).</param>
    private ReplayGate(LinkedTables tables, int threshold, long?[] printed, List<AdmissionCondition[]> passedOver, long bound, WorkBound work)
    {
        this.threshold = threshold;
        cubeCells = tables.Cube.CellCount;
        shifter = new CandidateShifter(tables, printed, passedOver);
        solver = new CandidateSolver(tables, printed, passedOver, bound, work);
    }

    /// <param name="printed">The level's printed figures by table cell index; null for every withheld cell.</param>
    /// <param name="work">The gate's work bound (<see cref="WorkBound.ForGate"/>); past it the gate fails.</param>
    public static GateVerdict Check(PublicationLadder ladder, PublicationLevel level, long?[] printed, WorkBound work, CancellationToken cancellationToken)
    {
        var passedOver = PassedOver(ladder, level, printed);
        if (passedOver is null)
        {
            return new GateVerdict(Passed: false, InsidersExcluded: false);
        }

        var total = printed[ladder.Tables.Cells.First(cell => cell.IsGrandTotal).Index]!.Value;
        var gate = new ReplayGate(ladder.Tables, ladder.Threshold, printed, passedOver, total, work);
        var insidersExcluded = total <= ladder.Threshold;
        var targets = Targets(ladder.Tables, level.Published, ladder.Earlier);
        return gate.Verdict(targets, insidersExcluded, cancellationToken);
    }

    /// <summary>The gate over any linked tables: every target holds over the candidates (the cubes printing the figures that fail one condition of every passed-over level).</summary>
    public static GateVerdict Check(LinkedTables tables, int threshold, long?[] printed, List<AdmissionCondition[]> passedOver, IEnumerable<GateTarget> targets, long bound, CancellationToken cancellationToken) =>
        new ReplayGate(tables, threshold, printed, passedOver, bound, WorkBound.ForGate()).Verdict(targets, insidersExcluded: false, cancellationToken);

    /// <summary>
    /// For each cheaper level, the conditions the printed figures leave open: one of them must fail. Null when a
    /// cheaper level is admissible whatever the withheld cells hold (it would have been passed over for its gate).
    /// </summary>
    public static List<AdmissionCondition[]>? PassedOver(PublicationLadder ladder, PublicationLevel level, long?[] printed)
    {
        var total = printed[ladder.Tables.Cells.First(cell => cell.IsGrandTotal).Index]!.Value;
        var open = new Dictionary<string, AdmissionCondition[]>(StringComparer.Ordinal);
        foreach (var earlier in ladder.Levels.Take(level.Index))
        {
            // A level printing nothing this one withholds was decided by the printed figures alone, as it was for the true year.
            if (Enumerable.Range(0, printed.Length).All(index => !earlier.Published[index] || level.Published[index]))
            {
                continue;
            }

            var undecided = new List<AdmissionCondition>();
            var fails = false;
            foreach (var condition in ladder.Conditions(earlier, total))
            {
                if (condition.Cells.All(index => printed[index] is not null))
                {
                    fails |= !condition.HoldsFor(condition.Cells.Sum(index => printed[index]!.Value));
                }
                else
                {
                    undecided.Add(condition);
                }
            }

            if (fails)
            {
                continue;
            }

            if (undecided.Count == 0)
            {
                return null;
            }

            open.TryAdd(string.Join(';', undecided.Select(Key).Order(StringComparer.Ordinal)), [.. undecided]);
        }

        // A level whose open conditions include all of another's fails whenever that one does: its disjunction adds nothing.
        var keys = open.ToDictionary(pair => pair.Key, pair => pair.Value.Select(Key).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var key in keys.Keys.Where(key => keys.Any(other => other.Key != key && other.Value.IsSubsetOf(keys[key]) && (other.Value.Count < keys[key].Count || string.CompareOrdinal(other.Key, key) < 0))).ToArray())
        {
            open.Remove(key);
        }

        return [.. open.Values];
    }

    private static string Key(AdmissionCondition condition) => $"{string.Join(',', condition.Cells)}:{condition.Lower}:{condition.Upper}:{condition.Inside}";

    /// <summary>
    /// Every withheld cell (low and high, and its change when printed earlier), and the rest of every line of a
    /// withheld multi-way table beside each of its cells (high). For the outsider only, every cell (low) and the rest of
    /// every line beside each cell (high) of the cross-classifications the tables imply without printing them.
    /// </summary>
    public static IEnumerable<GateTarget> Targets(LinkedTables tables, bool[] published, long?[] earlier)
    {
        foreach (var cell in tables.Cells.Where(cell => !published[cell.Index]))
        {
            yield return new GateTarget(cell.Support, GateTargetKind.CellLow);
            yield return new GateTarget(cell.Support, GateTargetKind.CellHigh);
            if (earlier[cell.Index] is { } before)
            {
                yield return new GateTarget(cell.Support, GateTargetKind.MovedByThreshold, before);
            }
        }

        for (var t = 0; t < tables.Tables.Count; t++)
        {
            var cells = tables.CellsOf(t).ToArray();
            var dimensionCount = tables.Tables[t].Dimensions.Count;
            if (dimensionCount < 2 || cells.Any(cell => published[cell.Index]))
            {
                continue;
            }

            for (var varying = 0; varying < dimensionCount; varying++)
            {
                var position = varying;
                foreach (var line in cells.GroupBy(cell => string.Join('\u001f', cell.Categories.Where((_, p) => p != position)), StringComparer.Ordinal).Select(group => group.ToArray()).Where(line => line.Length > 1))
                {
                    foreach (var cell in line)
                    {
                        yield return RestOfLine(line, cell);
                    }
                }
            }
        }

        foreach (var cross in tables.ImpliedCrossTables)
        {
            foreach (var cell in cross.Cells)
            {
                yield return new GateTarget(cell.Support, GateTargetKind.CellLow) { OutsiderOnly = true };
            }

            foreach (var line in cross.Lines())
            {
                foreach (var cell in line)
                {
                    yield return RestOfLine(line, cell) with { OutsiderOnly = true };
                }
            }
        }
    }

    private static GateTarget RestOfLine(TableCell[] line, TableCell cell) =>
        new([.. line.Where(other => other != cell).SelectMany(other => other.Support).Order()], GateTargetKind.RestOfLine);

    /// <summary>
    /// Every target holds for the outsider and for every insider asked. The outsider's questions of all targets come
    /// first: a gate that fails mostly fails there, after a question or two, where one target's insiders take a question
    /// per cube cell. Only the order of a conjunction of exact answers changes, so the verdict is the same.
    /// </summary>
    private GateVerdict Verdict(IEnumerable<GateTarget> targets, bool insidersExcluded, CancellationToken cancellationToken)
    {
        try
        {
            return new GateVerdict(AllHold(targets, insidersExcluded, cancellationToken), insidersExcluded);
        }
        catch (WorkBoundReachedException)
        {
            return new GateVerdict(Passed: false, insidersExcluded) { BoundReached = true };
        }
    }

    private bool AllHold(IEnumerable<GateTarget> targets, bool insidersExcluded, CancellationToken cancellationToken)
    {
        var all = targets.ToList();
        return all.All(target => HoldsForOutsider(target, cancellationToken))
            && (insidersExcluded || all.All(target => HoldsForInsiders(target, cancellationToken)));
    }

    private bool HoldsForOutsider(GateTarget target, CancellationToken cancellationToken) =>
        target.Kind == GateTargetKind.MovedByThreshold
            ? HoldsForChange(target, cancellationToken)
            : Holds(target, [], shift: 0, cancellationToken);

    private bool HoldsForInsiders(GateTarget target, CancellationToken cancellationToken)
    {
        if (target.Kind == GateTargetKind.MovedByThreshold || target.OutsiderOnly)
        {
            return true;
        }

        var inside = target.Support.ToHashSet();
        var notAsked = target.InsidersNotAsked.ToHashSet();
        var asked = Enumerable.Range(0, cubeCells).Where(cell => !notAsked.Contains(cell)).ToArray();

        // Insiders a kept candidate already answers need no question. One candidate with a record in every cell of the
        // rest answers many of them at once; otherwise each is asked alone.
        int Shift(int insider) => inside.Contains(insider) ? 1 : 0;
        var open = asked.Where(insider => !witnesses.Any(witness => Answers(witness, Extreme(target, [insider], Shift(insider))))).ToArray();
        if (open.Length == 0)
        {
            return true;
        }

        var low = target.Kind == GateTargetKind.CellLow;
        var together = low ? open.Where(cell => !inside.Contains(cell)).ToArray() : open;
        var togetherAnswered = together.Length > 0 && Exists(Extreme(target, together, shift: low ? 0 : 1), cancellationToken);
        var alone = togetherAnswered ? (low ? open.Where(inside.Contains).ToArray() : []) : open;
        return alone.All(insider => !PossibleInsider(insider, cancellationToken) || Holds(target, [insider], Shift(insider), cancellationToken));
    }

    /// <summary>
    /// For an intruder holding the known records (shift = how many of them lie in the target), the extreme exists
    /// among the candidates, or no cube printing these figures at all puts the others' count
    /// in 1..k − 1 from that side (a withheld cell that is certainly k or more, or certainly holds no one else, reveals
    /// no small group). The second question is asked of every cube printing the figures, a superset of the intruder's
    /// candidates, so its "no" holds for the true year too, whichever cheaper level its own gate turned away.
    /// </summary>
    private bool Holds(GateTarget target, int[] known, int shift, CancellationToken cancellationToken)
    {
        if (Exists(Extreme(target, known, shift), cancellationToken))
        {
            return true;
        }

        if (target.OwnEscape is { } ownEscape)
        {
            return ownEscape(known, shift);
        }

        var small = target.Kind == GateTargetKind.CellHigh
            ? new WitnessQuery(known, target.Support, AtMost: null, AtLeast: 1 + shift)
            : new WitnessQuery(known, target.Support, AtMost: threshold - 1 + shift, AtLeast: null);
        return !Exists(small, cancellationToken, amongCandidates: false);
    }

    /// <summary>
    /// A withheld cell printed earlier as e: a candidate has it at e ± k or beyond, or no cube printing these figures
    /// moves it by 1 to k − 1 (then its change is not small in the true year either).
    /// </summary>
    private bool HoldsForChange(GateTarget target, CancellationToken cancellationToken)
    {
        var before = target.Earlier;
        return Exists(new WitnessQuery([], target.Support, AtMost: null, AtLeast: before + threshold), cancellationToken)
            || Exists(new WitnessQuery([], target.Support, AtMost: before - threshold, AtLeast: null), cancellationToken)
            || (!Exists(new WitnessQuery([], target.Support, AtMost: before + threshold - 1, AtLeast: before + 1), cancellationToken, amongCandidates: false)
                && !Exists(new WitnessQuery([], target.Support, AtMost: before - 1, AtLeast: before - threshold + 1), cancellationToken, amongCandidates: false));
    }

    private WitnessQuery Extreme(GateTarget target, int[] known, int shift) => target.Kind switch
    {
        GateTargetKind.CellLow => new WitnessQuery(known, target.Support, AtMost: shift, AtLeast: null),
        _ => new WitnessQuery(known, target.Support, AtMost: null, AtLeast: threshold + shift),
    };

    /// <summary>An intruder can hold a record in a cell only if some cube printing the figures has one there (asked of all such cubes, so the true year is among them).</summary>
    private bool PossibleInsider(int cell, CancellationToken cancellationToken)
    {
        if (!possibleInsider.TryGetValue(cell, out var possible))
        {
            possible = possibleInsider[cell] = Exists(new WitnessQuery([cell], [], AtMost: null, AtLeast: null), cancellationToken, amongCandidates: false);
        }

        return possible;
    }

    /// <summary>
    /// Whether a candidate (or, with amongCandidates false, any cube printing the figures) answers the query. Candidates
    /// are kept for later questions; the other cubes found only for later questions about every cube printing the figures.
    /// </summary>
    private bool Exists(WitnessQuery query, CancellationToken cancellationToken, bool amongCandidates = true)
    {
        if (witnesses.Any(witness => Answers(witness, query)) || (!amongCandidates && printingCubes.Any(cube => Answers(cube, query))))
        {
            return true;
        }

        var found = shifter.Shift(witnesses, query, amongCandidates) ?? solver.Find(query, amongCandidates, cancellationToken);
        if (found is not null)
        {
            (amongCandidates ? witnesses : printingCubes).Add(found);
        }

        return found is not null;
    }

    private static bool Answers(long[] witness, WitnessQuery query)
    {
        var sum = 0L;
        foreach (var cell in query.Support)
        {
            sum += witness[cell];
        }

        return sum >= (query.AtLeast ?? long.MinValue) && sum <= (query.AtMost ?? long.MaxValue) && query.KnownRecords.All(cell => witness[cell] >= 1);
    }
}

/// <summary>
/// The replay gate's answer; InsidersExcluded when the printed total is k and one-record intruders were not asked about;
/// BoundReached when it failed because it reached its <see cref="WorkBound"/>.
/// </summary>
internal sealed record GateVerdict(bool Passed, bool InsidersExcluded)
{
    public bool BoundReached { get; init; }
}
