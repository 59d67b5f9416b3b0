namespace Radikalisering.Disclosure;

/// <summary>
/// A condition the published figures must leave open: some non-negative integer cube consistent with
/// everything published has Σ Support ≤ MayBeAtMost, and some has Σ Support ≥ MayBeAtLeast.
/// For an intruder who knows one record in cube cell j, both bounds apply to the others' records:
/// they move up by one when j lies in Support.
/// </summary>
internal sealed record ProtectionRequirement(RequirementKind Kind, TableCell Cell, int[] Support, long? MayBeAtMost, long? MayBeAtLeast);
