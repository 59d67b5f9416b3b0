namespace Radikalisering.Disclosure;

/// <summary>
/// One candidate publication: which table cells it prints (every other cell is withheld) and what withholding
/// the rest costs. Levels are fixed before any count is looked at.
/// </summary>
internal sealed record PublicationLevel(int Index, bool[] Published, long Cost);
