using System.Collections.Concurrent;

namespace Radikalisering.Disclosure;

/// <summary>
/// Whether a year's own printed figures already rule out the small side of one of its withheld cells for an intruder:
/// no year cube printing them puts the others in the cell in 1..k − 1 (or, for the high side, above none). Asked of the
/// year's figures alone, so the pooled figures never serve as the reason a year's cell needs no protection. Answers are
/// kept by the year's figures, which are all they depend on.
/// </summary>
internal sealed class YearEscape(LinkedTables yearTables, long?[] printed, int threshold, ConcurrentDictionary<string, bool> memory)
{
    private readonly string figures = ReplayPublisher.Figures(printed);
    private readonly CandidateSolver solver = new(yearTables, printed, [], printed[yearTables.Cells.First(cell => cell.IsGrandTotal).Index]!.Value);

    /// <param name="support">The cell's cube cells in the year.</param>
    /// <param name="known">The intruder's known records in the year (year cube cells).</param>
    /// <param name="shift">How many of them lie in the support.</param>
    public bool NoSmall(GateTargetKind kind, int[] support, int[] known, int shift, CancellationToken cancellationToken)
    {
        var query = kind == GateTargetKind.CellHigh
            ? new WitnessQuery(known, support, AtMost: null, AtLeast: 1 + shift)
            : new WitnessQuery(known, support, AtMost: threshold - 1 + shift, AtLeast: null);
        var key = $"{figures}|{kind == GateTargetKind.CellHigh}|{string.Join(',', support)}|{string.Join(',', known)}|{shift}";
        return ReplayPublisher.Remember(memory, key, () => solver.Find(query, amongCandidates: false, cancellationToken) is null);
    }
}
