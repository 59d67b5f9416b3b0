namespace Radikalisering.Disclosure;

/// <summary>
/// Why a cell is withheld. For internal use and the audit trail only: publishing "primary" next to a cell
/// would tell the reader that it holds between 1 and k − 1, which is exactly what suppression hides.
/// </summary>
public enum SuppressionReason
{
    /// <summary>The cell itself is sensitive, or was withheld in an earlier publication of the same period.</summary>
    Primary,

    /// <summary>Withheld so that other withheld cells cannot be worked out.</summary>
    Secondary,

    /// <summary>Withheld because the grand total is below the threshold.</summary>
    SmallTotal,
}
