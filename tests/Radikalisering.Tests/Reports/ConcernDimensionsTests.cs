using Radikalisering.Core.Concerns;
using Radikalisering.Core.Statistics;

namespace Radikalisering.Tests.Reports;

public sealed class ConcernDimensionsTests
{
    [Fact]
    public void Every_combination_of_facts_has_its_own_cell_laid_out_age_reporter_outcome_with_outcome_fastest()
    {
        var cells =
            from under18 in new[] { true, false }
            from reporter in Enum.GetValues<ReporterKind>()
            from outcome in Enum.GetValues<Outcome>()
            select ConcernDimensions.CellIndexOf(new ConcernFacts(new DateOnly(2025, 3, 1), under18, reporter, outcome, null));

        Assert.Equal(Enumerable.Range(0, ConcernDimensions.CellCount), cells);
        Assert.Equal(18, ConcernDimensions.CellCount);
    }

    [Fact]
    public void Category_names_follow_the_api_spelling_of_the_enums()
    {
        Assert.Equal(["municipalEmployee", "otherAuthority", "other"], ConcernDimensions.ReporterCategories);
        Assert.Equal(["pending", "confirmed", "dismissed"], ConcernDimensions.OutcomeCategories);
        Assert.Equal(["under18", "adult"], ConcernDimensions.CategoriesOf(ConcernDimensions.Age));
    }
}
