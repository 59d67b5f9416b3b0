namespace Radikalisering.Disclosure;

/// <summary>Why the engine refused a request: every publication is made by the ladder, and this one cannot be.</summary>
public enum LadderRefusal
{
    /// <summary>The cube has more than <see cref="DisclosureEngine.LargestCube"/> cells.</summary>
    CubeTooLarge,

    /// <summary>The tables have no grand total, or more combinations of withheld cells than a ladder holds.</summary>
    TablesOutsideLadder,

    /// <summary>
    /// The earlier publication of the period was not made by the ladder (it withheld the grand total, as the former
    /// engine could, or has a table or cell the request does not): no level republishes it safely.
    /// </summary>
    PreviousPublicationNotFromLadder,
}
