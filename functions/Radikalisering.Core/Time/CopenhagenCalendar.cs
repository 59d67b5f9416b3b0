namespace Radikalisering.Core.Time;

/// <summary>Dates as the unit lives them: "today" and years in Europe/Copenhagen, from the <see cref="TimeProvider"/>.</summary>
public sealed class CopenhagenCalendar(TimeProvider time)
{
    public static TimeZoneInfo TimeZone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), TimeZone).DateTime);
}
