namespace Radikalisering.Core.Concerns;

/// <summary>Reads one year's concerns, decrypted, for the annual statistics.</summary>
public interface IConcernReader
{
    IAsyncEnumerable<ConcernFacts> ReadYearAsync(int year, CancellationToken cancellationToken);
}
