namespace Radikalisering.Core.Concerns;

/// <summary>What a re-encryption run did: the key version rows now use, and how many rows it moved onto it.</summary>
public sealed record ReencryptConcernsResult(string KeyVersion, int RowsMoved);
