namespace Radikalisering.Core.Reports;

/// <summary>One row of a two-way table: a category of the row dimension, its cells and its row total.</summary>
public sealed record CrossTableRow(string Label, IReadOnlyList<long?> Values, long? Total);
