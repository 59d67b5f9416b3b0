namespace Radikalisering.Core.Health;

/// <summary>The body of <c>GET /api/health</c>: <c>healthy</c>/<c>unhealthy</c>, and <c>reachable</c>/<c>unreachable</c> for each dependency.</summary>
public sealed record HealthView(string Status, string Storage, string DataKey);
