namespace Radikalisering.Disclosure;

/// <summary>What to publish when the grand total itself is below the threshold.</summary>
public enum SmallTotalPolicy
{
    /// <summary>Publish nothing at all for the period.</summary>
    SuppressEverything,

    /// <summary>Publish the grand total (knowingly revealing that it is small) and suppress every other cell.</summary>
    PublishTotalOnly,
}
