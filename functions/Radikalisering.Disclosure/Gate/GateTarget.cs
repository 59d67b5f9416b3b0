namespace Radikalisering.Disclosure;

/// <summary>
/// One question the replay gate asks about a set of cube cells (its support), for the outsider and for every
/// insider who knows one record in a cube cell not in <see cref="InsidersNotAsked"/>.
/// </summary>
/// <param name="Earlier">For <see cref="GateTargetKind.MovedByThreshold"/>, the figure printed earlier.</param>
internal sealed record GateTarget(int[] Support, GateTargetKind Kind, long Earlier = 0)
{
    /// <summary>
    /// When set, the escape (the target also holds when no cube printing the figures puts the others' count on the small
    /// side) is decided by this instead (given the known records and how many lie in the support):
    /// for a year's own cell in a pooled gate, only that year's own printed figures may rule the small side out. Were the
    /// pooled figures allowed to, a pooled level would be printed exactly when it pins a year's hidden cell at 0 or k or
    /// more, and its absence would point at the small values in between.
    /// </summary>
    public Func<int[], int, bool>? OwnEscape { get; init; }

    /// <summary>
    /// Asked for the outsider only: a cell or line of a cross-classification the tables imply but do not print, where what
    /// an insider may learn is a declared revelation (<see cref="Revelation.CrossClassificationToInsiders"/>).
    /// </summary>
    public bool OutsiderOnly { get; init; }

    /// <summary>Cube cells whose insider this target is not asked for (their year's printed total is k: a revelation already).</summary>
    public int[] InsidersNotAsked { get; init; } = [];

    public string Key => $"{Kind}:{Earlier}:{OutsiderOnly}:{string.Join(',', Support)}:{string.Join(',', InsidersNotAsked)}";

    /// <summary>The same target over other cube cells (a year's or the pooled cells of a stacked cube).</summary>
    public GateTarget Mapped(Func<int, IEnumerable<int>> cubeCells) => this with
    {
        Support = [.. Support.SelectMany(cubeCells).Order()],
        InsidersNotAsked = [.. InsidersNotAsked.SelectMany(cubeCells).Order()],
    };
}

internal enum GateTargetKind
{
    /// <summary>A withheld cell: may it hold no one (else than a known record)?</summary>
    CellLow,

    /// <summary>A withheld cell: may it hold k or more (besides a known record)?</summary>
    CellHigh,

    /// <summary>A line of a withheld table minus one cell: may it hold k or more, so "all of the line is in that cell" is not certain?</summary>
    RestOfLine,

    /// <summary>A withheld cell printed earlier: may it have moved by k or more?</summary>
    MovedByThreshold,
}
