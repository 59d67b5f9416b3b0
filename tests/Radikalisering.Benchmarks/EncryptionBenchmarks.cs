using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Options;
using Radikalisering.Core.Encryption;

namespace Radikalisering.Benchmarks;

/// <summary>AES-256-GCM of one concern's payload (padded to 256 bytes, as stored), bound to its table, row and schema.</summary>
[Config(typeof(SuiteConfig))]
public class EncryptionBenchmarks
{
    private readonly PayloadBinding _binding = new("Concerns", "2026", Guid.NewGuid().ToString("D"), 2);
    private readonly byte[] _plaintext = new byte[256];
    private PayloadCipher _cipher = null!;
    private SealedPayload _sealed = null!;

    [GlobalSetup]
    public void Setup()
    {
        _cipher = new PayloadCipher(new DevelopmentDataKeyProvider(
            Options.Create(new KeyVaultOptions { DevelopmentKey = Convert.ToBase64String(new byte[32]) }),
            new DevelopmentEnvironment()));
        _sealed = _cipher.SealAsync(_plaintext, _binding, CancellationToken.None).GetAwaiter().GetResult();
    }

    [Benchmark(Description = "seal a payload")]
    public Task<SealedPayload> Seal() => _cipher.SealAsync(_plaintext, _binding, CancellationToken.None);

    [Benchmark(Description = "open a payload")]
    public Task<byte[]> Open() => _cipher.OpenAsync(_sealed, _binding, CancellationToken.None);
}
