namespace Radikalisering.Core.Concerns;

/// <summary>
/// A row of the year that cannot be read (tampered or swapped payload, unknown key version or schema):
/// only what is safe to show, its id and reference, so an operator can find it (SECURITY.md, runbook).
/// </summary>
public sealed record UnreadableConcern(string Id, string Reference);
