namespace Radikalisering.Disclosure;

/// <summary>What a publication knowingly reveals beyond the guarantee; the audit lists it.</summary>
public enum Revelation
{
    /// <summary>The year is withheld because it had fewer than k concerns (possibly none): the reader learns the total is below k.</summary>
    TotalBelowThreshold,

    /// <summary>The printed total is exactly k: an intruder who knows one record learns that the others number k − 1.</summary>
    OthersBelowThresholdForInsiders,

    /// <summary>
    /// A republication's total moved by 1 to k − 1 since the earlier publication: the reader learns that a few concerns
    /// were added or removed since (the total is printed whenever it reaches k; the figures that moved with it are withheld).
    /// </summary>
    TotalMovedByLessThanThreshold,

    /// <summary>
    /// The publication prints figures of one-way tables whose cross-classification (e.g. age × outcome) is not published:
    /// an intruder who knows one record may learn of a cross cell that the others in it are fewer than k, or that it holds
    /// some (an outsider learns neither: the least a cross cell can hold is 0 or at least k, and no line is certainly in
    /// one cell). A printed margin of exactly k, or row + column − total of exactly k, is what gives it away.
    /// </summary>
    CrossClassificationToInsiders,
}
