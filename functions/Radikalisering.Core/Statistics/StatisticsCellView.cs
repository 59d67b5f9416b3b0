namespace Radikalisering.Core.Statistics;

/// <summary>A published cell in the API: its categories by dimension, and its value unless suppressed.</summary>
public sealed record StatisticsCellView(IReadOnlyDictionary<string, string> Categories, long? Value, bool Suppressed);
