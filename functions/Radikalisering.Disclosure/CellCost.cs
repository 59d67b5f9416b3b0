namespace Radikalisering.Disclosure;

/// <summary>
/// What withholding a cell costs the reader. Category null sets every cell of the table; a category names a cell
/// of a one-way table (for example the confirmed concerns). Unnamed cells cost
/// <see cref="DisclosureSettings.DefaultOneWayCost"/> in a one-way table and <see cref="DisclosureSettings.DefaultMultiWayCost"/>
/// in a table of two or more dimensions. The grand total is never withheld when it reaches k, whatever it costs.
/// </summary>
public sealed record CellCost(string Table, string? Category, long Cost);
