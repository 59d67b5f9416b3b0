using System.Net;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Security.KeyVault.Secrets;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Options;
using Radikalisering.Core.Encryption;

namespace Radikalisering.Benchmarks;

/// <summary>
/// Key Vault reads of the data key provider under concurrency, against a stand-in vault (an
/// <see cref="HttpMessageHandler"/> that answers after 5 ms and counts what it is asked): 16 concurrent
/// callers of the current key, and 16 concurrent callers of two older versions, each on a fresh provider
/// (a fresh process). The figure that matters is the vault reads per run, printed at the end; the limit is
/// one read per version.
/// </summary>
[Config(typeof(SuiteConfig))]
public class KeyVaultBenchmarks : IDisposable
{
    private const int Callers = 16;
    private readonly CountingVault _vault = new();
    private readonly IOptions<KeyVaultOptions> _options = Options.Create(new KeyVaultOptions { VaultUri = new Uri("https://vault.invalid/") });
    private SecretClient _secrets = null!;
    private int _runs;

    [GlobalSetup]
    public void Setup() =>
        _secrets = new SecretClient(
            _options.Value.VaultUri!,
            new UnusedCredential(),
            new SecretClientOptions { Transport = new HttpClientTransport(new HttpClient(_vault)), Retry = { MaxRetries = 0 } });

    [IterationSetup]
    public void Reset()
    {
        _vault.Reset();
        _runs = 0;
    }

    [IterationCleanup]
    public void Report()
    {
        if (_runs > 0)
        {
            SuiteFigures.Record(_vault.Versions > 1 ? "Key Vault reads per run: 2 old versions, 16 concurrent" : "Key Vault reads per run: current, 16 concurrent",
                (double)_vault.Requests / _runs);
        }
    }

    public void Dispose()
    {
        _vault.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark(Description = "current key, 16 concurrent callers")]
    public async Task CurrentKey()
    {
        using var provider = new KeyVaultDataKeyProvider(_secrets, _options, TimeProvider.System);
        await Task.WhenAll(Enumerable.Range(0, Callers).Select(_ => provider.GetCurrentKeyAsync(CancellationToken.None).AsTask()));
        _runs++;
    }

    [Benchmark(Description = "2 old versions, 16 concurrent callers")]
    public async Task OldVersions()
    {
        using var provider = new KeyVaultDataKeyProvider(_secrets, _options, TimeProvider.System);
        await Task.WhenAll(Enumerable.Range(0, Callers).Select(caller => provider.GetKeyAsync($"v{caller % 2}", CancellationToken.None).AsTask()));
        _runs++;
    }

    /// <summary>Answers every secret read with a 32-byte key of the version asked for (the current one is "v-current").</summary>
    private sealed class CountingVault : HttpMessageHandler
    {
        private readonly HashSet<string> _versions = [];
        private int _requests;

        public int Requests => _requests;

        public int Versions
        {
            get
            {
                lock (_versions)
                {
                    return _versions.Count;
                }
            }
        }

        public void Reset()
        {
            Interlocked.Exchange(ref _requests, 0);
            lock (_versions)
            {
                _versions.Clear();
            }
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            await Task.Delay(5, cancellationToken);
            var segments = request.RequestUri!.AbsolutePath.Trim('/').Split('/');
            var version = segments.Length > 2 && segments[2].Length > 0 ? segments[2] : "v-current";
            lock (_versions)
            {
                _versions.Add(version);
            }

            var body = $$"""{ "value": "{{Convert.ToBase64String(new byte[32])}}", "id": "https://vault.invalid/secrets/{{segments[1]}}/{{version}}", "attributes": { "enabled": true } }""";
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        }
    }

    /// <summary>The stand-in vault sends no authentication challenge, so no token is ever asked for.</summary>
    private sealed class UnusedCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The stand-in vault asks for no token.");

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The stand-in vault asks for no token.");
    }
}
