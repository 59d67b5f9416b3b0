using Radikalisering.Core.Concerns;

namespace Radikalisering.Core.Statistics;

/// <summary>
/// The three dimensions of the annual cube (docs/design.md, Statistics and disclosure control) with their categories, in the order
/// the cube is laid out: age × reporter × outcome, the last dimension varying fastest.
/// </summary>
public static class ConcernDimensions
{
    public const string Age = "age";
    public const string Reporter = "reporter";
    public const string Outcome = "outcome";

    public const string Under18 = "under18";
    public const string Adult = "adult";

    public static IReadOnlyList<string> AgeCategories { get; } = [Under18, Adult];

    public static IReadOnlyList<string> ReporterCategories { get; } = ["municipalEmployee", "otherAuthority", "other"];

    public static IReadOnlyList<string> OutcomeCategories { get; } = ["pending", "confirmed", "dismissed"];

    public static IReadOnlyList<string> Names { get; } = [Age, Reporter, Outcome];

    public static IReadOnlyList<string> CategoriesOf(string dimension) => dimension switch
    {
        Age => AgeCategories,
        Reporter => ReporterCategories,
        Outcome => OutcomeCategories,
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "Unknown dimension."),
    };

    /// <summary>The row-major index of one concern's cell in the cube.</summary>
    public static int CellIndexOf(ConcernFacts facts)
    {
        var age = facts.SubjectUnder18 ? 0 : 1;
        var reporter = facts.Reporter switch
        {
            Concerns.ReporterKind.MunicipalEmployee => 0,
            Concerns.ReporterKind.OtherAuthority => 1,
            Concerns.ReporterKind.Other => 2,
            _ => throw new ArgumentOutOfRangeException(nameof(facts), facts.Reporter, "Unknown reporter."),
        };
        var outcome = facts.Outcome switch
        {
            Concerns.Outcome.Pending => 0,
            Concerns.Outcome.Confirmed => 1,
            Concerns.Outcome.Dismissed => 2,
            _ => throw new ArgumentOutOfRangeException(nameof(facts), facts.Outcome, "Unknown outcome."),
        };
        return ((age * ReporterCategories.Count) + reporter) * OutcomeCategories.Count + outcome;
    }

    public static int CellCount => AgeCategories.Count * ReporterCategories.Count * OutcomeCategories.Count;
}
