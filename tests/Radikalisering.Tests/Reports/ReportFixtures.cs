using Radikalisering.Core.Statistics;

namespace Radikalisering.Tests.Reports;

/// <summary>A year whose figures are realistic, with two linked cells suppressed.</summary>
internal static class ReportFixtures
{
    public const int Year = 2025;

    /// <summary>age × reporter × outcome (pending, confirmed, dismissed), outcome fastest.</summary>
    public static readonly long[] Cube =
    [
        6, 7, 10,   5, 0, 6,   1, 0, 0,   // under 18: municipal employee, other authority, other
        8, 12, 15,  4, 9, 11,  2, 6, 8,   // adult
    ];

    public static readonly string[] Suppressed =
    [
        "reporter,outcome:other,pending",
        "reporter,outcome:otherAuthority,pending",
        "reporter,outcome:other,confirmed",
        "reporter,outcome:otherAuthority,confirmed",
    ];

    public static ReportSnapshot Snapshot => Snapshots.Create(Year, Cube, Suppressed);

    /// <summary>The true values behind the suppressed cells: 3, 9, 6 and 9.</summary>
    public static IEnumerable<long> HiddenValues => Suppressed.Select(key => Snapshots.TrueValues(Cube)[key]);
}
