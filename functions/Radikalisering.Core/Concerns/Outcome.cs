namespace Radikalisering.Core.Concerns;

/// <summary>What the §115 discussion concluded about the concern.</summary>
public enum Outcome
{
    /// <summary>Not yet discussed ("afventer").</summary>
    Pending,

    /// <summary>The concern was confirmed ("bekræftet").</summary>
    Confirmed,

    /// <summary>The concern was dismissed ("afkræftet").</summary>
    Dismissed,
}
