using Azure.Core;

namespace Radikalisering.TestSupport;

/// <summary>A credential that hands out one fixed token and remembers the scopes asked for.</summary>
internal sealed class FixedTokenCredential : TokenCredential
{
    public const string Token = "test-token";

    public List<string[]> RequestedScopes { get; } = [];

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        RequestedScopes.Add(requestContext.Scopes);
        return new AccessToken(Token, DateTimeOffset.UtcNow.AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        new(GetToken(requestContext, cancellationToken));
}
