namespace Radikalisering.Core.Reports;

/// <summary>A one-way distribution (by age, by reporter or by outcome) as the e-mail shows it.</summary>
/// <param name="WithheldSentence">
/// When every category is withheld, the sentence shown instead of the table (<see cref="DanishLabels.TableWithheld"/>); else <c>null</c>.
/// </param>
public sealed record DistributionView(string Caption, string DimensionLabel, IReadOnlyList<DistributionRow> Rows, long? Total, string? WithheldSentence);
