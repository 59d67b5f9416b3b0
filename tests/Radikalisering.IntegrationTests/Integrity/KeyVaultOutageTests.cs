using System.Net;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Radikalisering.Core.Access;
using Radikalisering.Core.Encryption;
using Radikalisering.Core.Storage;
using Radikalisering.IntegrationTests.Concerns;
using Radikalisering.IntegrationTests.Fixtures.Azurite;
using Radikalisering.IntegrationTests.Fixtures.Http;

namespace Radikalisering.IntegrationTests.Integrity;

/// <summary>The real Key Vault provider and client in front of a vault that fails: a 503 problem with Retry-After, nothing written.</summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Slow")]
public sealed class KeyVaultOutageTests(AzuriteFixture azurite)
{
    public enum VaultFailure
    {
        Unavailable,
        Forbidden,
        AuthenticationFailed,
        TimedOut,
    }

    [Theory]
    [InlineData(VaultFailure.Unavailable)]
    [InlineData(VaultFailure.Forbidden)]
    [InlineData(VaultFailure.AuthenticationFailed)]
    [InlineData(VaultFailure.TimedOut)]
    public async Task A_failing_key_vault_answers_503_with_retry_after_and_writes_nothing(VaultFailure failure)
    {
        await using var host = await ApiTestHost.StartAsync(azurite, options => options.ConfigureServices = services =>
            services.AddSingleton<IDataKeyProvider>(new KeyVaultDataKeyProvider(FailingVault(failure), Options.Create(new KeyVaultOptions()), TimeProvider.System)));
        using var client = host.CreateClient(ConcernRequests.Staff, AppRoles.ConcernsReadWrite);

        using var response = await client.PostAsync(ConcernRequests.Example, Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(503, (int)(await response.ReadProblemAsync())["status"]!);
        Assert.Empty(await IntegrityStore.ConcernRowsAsync(azurite, host));
    }

    private static SecretClient FailingVault(VaultFailure failure)
    {
        var options = new SecretClientOptions { Transport = new HttpClientTransport(new FailingVaultHandler(failure)) };
        RetryBudget.Apply(options.Retry);
        options.Retry.Delay = TimeSpan.FromMilliseconds(1);
        return new SecretClient(new Uri("https://kv-test.vault.azure.net/"), new ThrowingCredential(), options);
    }

    private sealed class FailingVaultHandler(VaultFailure failure) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => failure switch
        {
            VaultFailure.Unavailable => Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)),
            VaultFailure.Forbidden => Task.FromResult(new HttpResponseMessage(HttpStatusCode.Forbidden)),
            VaultFailure.TimedOut => throw new TaskCanceledException("The request timed out (simulated).", new TimeoutException()),
            _ => Task.FromResult(Challenge()),
        };

        // Key Vault's first answer to a request without a token: which tenant to get one from.
        private static HttpResponseMessage Challenge()
        {
            var response = new HttpResponseMessage(HttpStatusCode.Unauthorized);
            response.Headers.TryAddWithoutValidation(
                "WWW-Authenticate",
                "Bearer authorization=\"https://login.microsoftonline.com/00000000-0000-0000-0000-000000000001\", resource=\"https://vault.azure.net\"");
            return response;
        }
    }

    private sealed class ThrowingCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new AuthenticationFailedException("No identity (simulated).");

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new AuthenticationFailedException("No identity (simulated).");
    }
}
