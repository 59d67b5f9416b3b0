namespace Radikalisering.Disclosure;

/// <summary>
/// Threshold k: a published count n with 1 ≤ n &lt; k is sensitive. k below 3 is rejected.
/// </summary>
public sealed record DisclosureSettings(int Threshold = 5, SmallTotalPolicy SmallTotal = SmallTotalPolicy.SuppressEverything)
{
    /// <summary>The smallest threshold the engine accepts (Danish and Eurostat practice).</summary>
    public const int MinimumThreshold = 3;
}
