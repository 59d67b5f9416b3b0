namespace Radikalisering.Disclosure;

/// <summary>
/// The questions one sequence of checks asked, when it ran ahead of its turn on another core, that the pool could not
/// answer then (see <see cref="IntruderView.SearchAhead"/>), in order, each with the search made for it or none where
/// a cube found meanwhile answered it. <see cref="IntruderView.Replay"/> later takes them in their turn to grow the pool as if they were asked then.
/// </summary>
internal sealed class SearchesAhead
{
    private readonly List<Search> searches = [];

    public IReadOnlyList<Search> Questions => searches;

    public void AnsweredByLayer(WitnessQuery query) => searches.Add(new Search(query, Made: false, Witness: null));

    /// <param name="witness">The cube found (see <see cref="ScopeModel.Changes"/>), or null when none exists.</param>
    public void Searched(WitnessQuery query, (int[] Moved, long[] Steps)? witness) => searches.Add(new Search(query, Made: true, witness));

    /// <summary>One question; when <paramref name="Made"/>, the cube found for it or null when none exists.</summary>
    internal sealed record Search(WitnessQuery Query, bool Made, (int[] Moved, long[] Steps)? Witness);
}
