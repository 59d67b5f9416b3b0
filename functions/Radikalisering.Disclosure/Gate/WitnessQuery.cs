namespace Radikalisering.Disclosure;

/// <summary>
/// Does some non-negative integer cube, consistent with the published figures, have a record in each of
/// <paramref name="KnownRecords"/> and Σ Support within the given bounds?
/// </summary>
internal sealed record WitnessQuery(int[] KnownRecords, int[] Support, long? AtMost, long? AtLeast);
