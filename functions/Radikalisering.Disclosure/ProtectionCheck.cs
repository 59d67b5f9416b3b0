namespace Radikalisering.Disclosure;

/// <summary>
/// One side of one requirement, for an intruder who knows no record (Insider null) or one record in cube
/// cell Insider. That intruder removes the known record from every figure; what is left must still admit the
/// low and the high value for the others' records, hence the bound moves up by one when the record lies in
/// the protected support.
/// </summary>
internal sealed record ProtectionCheck(ProtectionRequirement Requirement, int? Insider, CheckDirection Direction)
{
    public WitnessQuery ToQuery()
    {
        var shift = Insider is { } known && Requirement.Support.Contains(known) ? 1 : 0;
        var knownRecords = Insider is { } record ? new[] { record } : [];
        return Direction == CheckDirection.Low
            ? new WitnessQuery(knownRecords, Requirement.Support, Requirement.MayBeAtMost + shift, AtLeast: null)
            : new WitnessQuery(knownRecords, Requirement.Support, AtMost: null, Requirement.MayBeAtLeast + shift);
    }
}
