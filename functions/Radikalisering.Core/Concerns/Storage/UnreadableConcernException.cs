using Azure;

namespace Radikalisering.Core.Concerns;

/// <summary>
/// Concern rows exist but cannot be read: one row asked for by id (<see cref="Concern"/>, whose <see cref="ETag"/>
/// lets an operator delete it), or <see cref="RowCount"/> rows of a year read whole, so no statistic of it would be right.
/// </summary>
public sealed class UnreadableConcernException : Exception
{
    public UnreadableConcernException()
    {
    }

    public UnreadableConcernException(string message)
        : base(message)
    {
    }

    public UnreadableConcernException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public UnreadableConcernException(UnreadableConcern concern, ETag etag)
        : base($"Concern row {concern?.Id} cannot be read.")
    {
        Concern = concern;
        ETag = etag;
        RowCount = 1;
    }

    public UnreadableConcernException(int year, int rowCount)
        : base($"{rowCount} concern row(s) of {year} cannot be read; the year was not compiled.")
    {
        RowCount = rowCount;
    }

    /// <summary>The row asked for by id; null when a year was read.</summary>
    public UnreadableConcern? Concern { get; }

    public ETag ETag { get; }

    public int RowCount { get; }
}
