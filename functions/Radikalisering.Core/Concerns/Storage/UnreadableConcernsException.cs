namespace Radikalisering.Core.Concerns;

/// <summary>A year holds rows that cannot be read, so no statistic of it would be right.</summary>
public sealed class UnreadableConcernsException : Exception
{
    public UnreadableConcernsException()
    {
    }

    public UnreadableConcernsException(string message)
        : base(message)
    {
    }

    public UnreadableConcernsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public UnreadableConcernsException(int year, int rowCount)
        : base($"{rowCount} concern row(s) of {year} cannot be read; the year was not compiled.")
    {
        Year = year;
        RowCount = rowCount;
    }

    public int Year { get; }

    public int RowCount { get; }
}
