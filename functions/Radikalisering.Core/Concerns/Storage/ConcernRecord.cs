namespace Radikalisering.Core.Concerns;

/// <summary>
/// The encrypted payload of a concern row from schema version 2 on: the facts and when the row was
/// created and last changed. The times are inside the ciphertext because the day an outcome changed is
/// itself a fact (schema 1 kept them as plaintext columns; such rows stay readable).
/// </summary>
internal sealed record ConcernRecord(ConcernFacts Facts, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
