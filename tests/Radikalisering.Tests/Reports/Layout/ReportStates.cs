using Radikalisering.Core.Mail;
using Radikalisering.Core.Reports;
using Radikalisering.Core.Statistics;
using Radikalisering.Disclosure;

namespace Radikalisering.Tests.Reports.Layout;

/// <summary>The report in the states whose layout differs most: everything shown, little shown, nothing of the year shown.</summary>
internal static class ReportStates
{
    /// <summary>Six tables, four linked cells withheld, the three years together published, five years of trend.</summary>
    public const string RichYear = "rich-year";

    /// <summary>The grand total and the three one-way tables: outcome withheld whole, reporter in part, the three years not shown.</summary>
    public const string LittleToSay = "little-to-say";

    /// <summary>The same year with the two-way tables configured: both withheld whole.</summary>
    public const string LittleToSayTwoWay = "little-to-say-two-way";

    /// <summary>Fewer than k concerns: the year withheld whole, the three years together shown instead.</summary>
    public const string UnderK = "under-k";

    public static readonly string[] All = [RichYear, LittleToSay, LittleToSayTwoWay, UnderK];

    /// <summary>25 concerns: under 18 7; reporters 13 / 8 / 4; outcome 9 / 6 / 10 (age × reporter × outcome, outcome fastest).</summary>
    public static readonly long[] SparseCube =
    [
        2, 1, 2,   1, 0, 1,   0, 0, 0,
        3, 2, 3,   2, 2, 2,   1, 1, 2,
    ];

    public static readonly string[] SparseWithheld =
    [
        "reporter:otherAuthority", "reporter:other", "outcome:pending", "outcome:confirmed", "outcome:dismissed",
        "age,outcome:under18,pending", "age,outcome:under18,confirmed", "age,outcome:under18,dismissed",
        "age,outcome:adult,pending", "age,outcome:adult,confirmed", "age,outcome:adult,dismissed",
        .. new[] { "municipalEmployee", "otherAuthority", "other" }.SelectMany(reporter =>
            new[] { "pending", "confirmed", "dismissed" }.Select(outcome => $"reporter,outcome:{reporter},{outcome}")),
    ];

    public static Task<ReportMail> ComposeAsync(string state) => state switch
    {
        RichYear => AnnualReportComposer.ComposeAsync(
            ReportFixtures.Snapshot with
            {
                Pooled = Snapshots.Pooled(2025, PooledOutcome.Published, [.. ReportFixtures.Cube.Select(count => (count * 2) + 1)], ReportFixtures.Suppressed),
            },
            [.. Enumerable.Range(2021, 4).Select(year => Snapshots.WithTotal(year, year - 1940))]),
        LittleToSay => AnnualReportComposer.ComposeAsync(OneWay(Sparse()), SparseEarlierYears()),
        LittleToSayTwoWay => AnnualReportComposer.ComposeAsync(Sparse(), SparseEarlierYears()),
        UnderK => AnnualReportComposer.ComposeAsync(
            Snapshots.WithheldWhole(2025) with { Pooled = Snapshots.Pooled(2025, PooledOutcome.Published, SparseCube, SparseWithheld) },
            SparseEarlierYears()),
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "No such report state."),
    };

    private static ReportSnapshot Sparse() =>
        Snapshots.Create(2025, SparseCube, SparseWithheld) with
        {
            Pooled = Snapshots.Pooled(2025, PooledOutcome.NothingPrintable, SparseCube),
        };

    /// <summary>The default publication: the grand total and the one-way tables only.</summary>
    public static ReportSnapshot OneWay(ReportSnapshot snapshot) =>
        snapshot with { Tables = [.. snapshot.Tables.Where(table => table.Dimensions.Count < 2)] };

    private static ReportSnapshot[] SparseEarlierYears() =>
        [Snapshots.WithheldWhole(2022), Snapshots.WithTotal(2023, 14), Snapshots.WithTotal(2024, 19)];
}
