namespace Radikalisering.Disclosure;

/// <summary>Which side of a requirement a check asks about.</summary>
internal enum CheckDirection
{
    /// <summary>Could the protected count be as low as the requirement's MayBeAtMost?</summary>
    Low,

    /// <summary>Could the protected count be as high as the requirement's MayBeAtLeast?</summary>
    High,
}
