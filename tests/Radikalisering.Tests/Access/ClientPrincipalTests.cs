using System.Text;
using Radikalisering.Core.Access;

namespace Radikalisering.Tests.Access;

public sealed class ClientPrincipalTests
{
    [Fact]
    public void An_Easy_Auth_principal_gives_the_object_id_and_the_app_roles_of_its_roles_claims()
    {
        var header = Encode("""
            {
              "auth_typ": "aad",
              "name_typ": "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name",
              "role_typ": "http://schemas.microsoft.com/ws/2008/06/identity/claims/role",
              "claims": [
                { "typ": "http://schemas.microsoft.com/identity/claims/objectidentifier", "val": "11111111-2222-3333-4444-555555555555" },
                { "typ": "name", "val": "Medarbejder" },
                { "typ": "http://schemas.microsoft.com/ws/2008/06/identity/claims/role", "val": "Concerns.ReadWrite" },
                { "typ": "roles", "val": "Reports.Read" }
              ]
            }
            """);

        Assert.True(ClientPrincipal.TryParse(header, out var principal));
        Assert.Equal("11111111-2222-3333-4444-555555555555", principal.ObjectId);
        Assert.Equal("aad", principal.AuthenticationType);
        // App roles arrive as "roles" claims; a claim of the header's role_typ is not an app role.
        Assert.False(principal.IsInRole(AppRoles.ConcernsReadWrite));
        Assert.True(principal.IsInRole(AppRoles.ReportsRead));
        Assert.False(principal.IsInRole(AppRoles.ReportsAdmin));
    }

    [Fact]
    public void The_short_oid_claim_is_accepted()
    {
        var header = Encode("""{ "auth_typ": "aad", "claims": [ { "typ": "oid", "val": "abc" } ] }""");

        Assert.True(ClientPrincipal.TryParse(header, out var principal));
        Assert.Equal("abc", principal.ObjectId);
        Assert.Empty(principal.Roles);
    }

    [Fact]
    public void Role_names_are_case_sensitive()
    {
        Assert.True(ClientPrincipal.TryParse(ClientPrincipal.CreateHeaderValue("abc", ["concerns.readwrite"]), out var principal));

        Assert.False(principal.IsInRole(AppRoles.ConcernsReadWrite));
    }

    [Fact]
    public void The_header_helper_round_trips()
    {
        var header = ClientPrincipal.CreateHeaderValue("oid-1", [AppRoles.ReportsAdmin]);

        Assert.True(ClientPrincipal.TryParse(header, out var principal));
        Assert.Equal("oid-1", principal.ObjectId);
        Assert.Equal([AppRoles.ReportsAdmin], principal.Roles);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not base64!")]
    [InlineData("bm90IGpzb24=")]
    [InlineData("WzFd")]
    [InlineData("e30=")]
    public void Anything_but_a_principal_with_an_object_id_is_no_principal(string? header) =>
        Assert.False(ClientPrincipal.TryParse(header, out _));

    [Fact]
    public void A_principal_without_an_object_id_is_no_principal()
    {
        var header = Encode("""{ "auth_typ": "aad", "claims": [ { "typ": "roles", "val": "Concerns.ReadWrite" } ] }""");

        Assert.False(ClientPrincipal.TryParse(header, out _));
    }

    private static string Encode(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
}
