namespace Radikalisering.Core.Reports;

/// <summary>
/// A two-way table with the column categories across. The margins ("I alt") come from the
/// published one-way tables and are shown only when both of them are published tables.
/// </summary>
/// <param name="WithheldSentence">
/// When every inner cell is withheld, the sentence shown instead of the table (<see cref="DanishLabels.TableWithheld"/>); else <c>null</c>.
/// </param>
public sealed record CrossTableView(
    string Title,
    string RowDimensionLabel,
    IReadOnlyList<string> ColumnLabels,
    IReadOnlyList<CrossTableRow> Rows,
    CrossTableRow? TotalRow,
    string? WithheldSentence);
