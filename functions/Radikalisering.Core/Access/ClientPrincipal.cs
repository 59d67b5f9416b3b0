using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Radikalisering.Core.Access;

/// <summary>
/// The caller as App Service Authentication (Easy Auth) describes it in the
/// <c>X-MS-CLIENT-PRINCIPAL</c> header: base64 of a JSON object with <c>auth_typ</c>,
/// <c>name_typ</c>, <c>role_typ</c> and <c>claims</c> (<c>typ</c>/<c>val</c> pairs).
/// </summary>
public sealed class ClientPrincipal
{
    public const string HeaderName = "X-MS-CLIENT-PRINCIPAL";
    public const string ObjectIdClaimType = "http://schemas.microsoft.com/identity/claims/objectidentifier";
    public const string ShortObjectIdClaimType = "oid";
    public const string RolesClaimType = "roles";

    private static readonly JsonSerializerOptions HeaderJson = new() { PropertyNameCaseInsensitive = true };

    private ClientPrincipal(string objectId, IReadOnlySet<string> roles, string? authenticationType)
    {
        ObjectId = objectId;
        Roles = roles;
        AuthenticationType = authenticationType;
    }

    /// <summary>The caller's Entra object id: who the audit log names.</summary>
    public string ObjectId { get; }

    public IReadOnlySet<string> Roles { get; }

    public string? AuthenticationType { get; }

    public bool IsInRole(string role) => Roles.Contains(role);

    /// <summary>
    /// Parses the header's value. Fails (without throwing) for anything that is not base64 of the
    /// expected JSON, has a claim without type or value (e.g. <c>"claims":[null]</c>) or carries no object
    /// id: such a caller is treated as unauthenticated.
    /// </summary>
    public static bool TryParse(string? headerValue, [NotNullWhen(true)] out ClientPrincipal? principal)
    {
        principal = null;
        if (string.IsNullOrWhiteSpace(headerValue))
        {
            return false;
        }

        Wire? wire;
        try
        {
            var json = Convert.FromBase64String(headerValue.Trim());
            wire = JsonSerializer.Deserialize<Wire>(json, HeaderJson);
        }
        catch (FormatException)
        {
            return false;
        }
        catch (JsonException)
        {
            return false;
        }

        if (wire?.Claims is not { } claims || claims.Any(claim => claim?.Type is null || claim.Value is null))
        {
            return false;
        }

        var objectId = FirstValue(claims, ObjectIdClaimType) ?? FirstValue(claims, ShortObjectIdClaimType);
        if (string.IsNullOrWhiteSpace(objectId))
        {
            return false;
        }

        // App roles come only from the claim type Easy Auth emits for them; the header's own role_typ is not
        // trusted, or role_typ=groups would turn group ids into app roles.
        var roles = claims
            .Where(claim => claim.Type == RolesClaimType)
            .Select(claim => claim.Value!)
            .ToHashSet(StringComparer.Ordinal);

        principal = new ClientPrincipal(objectId, roles, wire.AuthenticationType);
        return true;
    }

    /// <summary>Builds the header value Easy Auth would send: for local runs and tests.</summary>
    public static string CreateHeaderValue(string objectId, IEnumerable<string> roles, string authenticationType = "aad")
    {
        var claims = new List<WireClaim> { new(ObjectIdClaimType, objectId) };
        claims.AddRange(roles.Select(role => new WireClaim(RolesClaimType, role)));
        var wire = new Wire(authenticationType, "name", RolesClaimType, claims);
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(wire)));
    }

    private static string? FirstValue(IEnumerable<WireClaim> claims, string type) =>
        claims.FirstOrDefault(claim => string.Equals(claim.Type, type, StringComparison.OrdinalIgnoreCase))?.Value;

    private sealed record Wire(
        [property: JsonPropertyName("auth_typ")] string? AuthenticationType,
        [property: JsonPropertyName("name_typ")] string? NameType,
        [property: JsonPropertyName("role_typ")] string? RoleType,
        [property: JsonPropertyName("claims")] IReadOnlyList<WireClaim>? Claims);

    private sealed record WireClaim(
        [property: JsonPropertyName("typ")] string? Type,
        [property: JsonPropertyName("val")] string? Value);
}
