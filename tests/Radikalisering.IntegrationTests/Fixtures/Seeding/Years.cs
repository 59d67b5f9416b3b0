using Radikalisering.Core.Concerns;

namespace Radikalisering.IntegrationTests.Fixtures.Seeding;

/// <summary>The years the report tests seed.</summary>
public static class Years
{
    /// <summary>Every cell of the cube has 5 to 7 concerns, so nothing needs protecting: 108 concerns.</summary>
    public static SeededYear AllCellsLarge(int year)
    {
        var seeded = new SeededYear(year);
        var index = 0;
        foreach (var under18 in new[] { true, false })
        {
            foreach (var reporter in Enum.GetValues<ReporterKind>())
            {
                foreach (var outcome in Enum.GetValues<Outcome>())
                {
                    seeded.Add(5 + index++ % 3, under18, reporter, outcome);
                }
            }
        }

        return seeded;
    }

    /// <summary>
    /// 79 concerns, of which only 3 came from "andre" (2 pending, 1 confirmed): those figures must
    /// be hidden, with complements, while the age and outcome figures can all be published.
    /// </summary>
    public static SeededYear FewFromOthers(int year) => new SeededYear(year)
        .Add(6, true, ReporterKind.MunicipalEmployee, Outcome.Pending)
        .Add(7, true, ReporterKind.MunicipalEmployee, Outcome.Confirmed)
        .Add(5, true, ReporterKind.MunicipalEmployee, Outcome.Dismissed)
        .Add(5, true, ReporterKind.OtherAuthority, Outcome.Pending)
        .Add(6, true, ReporterKind.OtherAuthority, Outcome.Confirmed)
        .Add(5, true, ReporterKind.OtherAuthority, Outcome.Dismissed)
        .Add(1, true, ReporterKind.Other, Outcome.Pending)
        .Add(8, false, ReporterKind.MunicipalEmployee, Outcome.Pending)
        .Add(9, false, ReporterKind.MunicipalEmployee, Outcome.Confirmed)
        .Add(7, false, ReporterKind.MunicipalEmployee, Outcome.Dismissed)
        .Add(6, false, ReporterKind.OtherAuthority, Outcome.Pending)
        .Add(5, false, ReporterKind.OtherAuthority, Outcome.Confirmed)
        .Add(7, false, ReporterKind.OtherAuthority, Outcome.Dismissed)
        .Add(1, false, ReporterKind.Other, Outcome.Pending)
        .Add(1, false, ReporterKind.Other, Outcome.Confirmed);
}
