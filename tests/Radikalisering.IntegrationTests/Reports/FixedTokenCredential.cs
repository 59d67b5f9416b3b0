using Azure.Core;

namespace Radikalisering.IntegrationTests.Reports;

/// <summary>A credential for the Graph client in tests: one fixed token, no identity platform.</summary>
public sealed class FixedTokenCredential : TokenCredential
{
    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        new("test-token", DateTimeOffset.UtcNow.AddHours(1));

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        new(GetToken(requestContext, cancellationToken));
}
