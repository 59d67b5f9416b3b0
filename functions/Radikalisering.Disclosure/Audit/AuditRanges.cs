namespace Radikalisering.Disclosure;

/// <summary>
/// The withheld cells' ranges, in the order of the withheld cells. <see cref="Exact"/> is false when a CP-SAT solve of
/// a range reached <see cref="IntruderView.RangeSolverTime"/>: that end is then a bound read from the published figures,
/// so the range still holds every possible value but may be wider than the exact one.
/// </summary>
internal sealed record AuditRanges((long Minimum, long Maximum)[] Intervals, bool Exact);
