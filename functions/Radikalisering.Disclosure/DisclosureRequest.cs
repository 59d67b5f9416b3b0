namespace Radikalisering.Disclosure;

/// <summary>
/// What to protect: the cube, the linked tables to publish from it, the settings, and optionally what was
/// published earlier for the same period (known to every intruder).
/// </summary>
public sealed record DisclosureRequest(
    Cube Cube,
    IReadOnlyList<TableDefinition> Tables,
    DisclosureSettings Settings,
    IReadOnlyList<PublishedTable>? PreviousPublication = null);
