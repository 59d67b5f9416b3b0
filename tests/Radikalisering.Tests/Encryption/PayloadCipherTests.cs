using System.Security.Cryptography;
using System.Text;
using Radikalisering.Core.Encryption;

namespace Radikalisering.Tests.Encryption;

public sealed class PayloadCipherTests
{
    private static readonly byte[] Plaintext = Encoding.UTF8.GetBytes("""{"receivedOn":"2026-03-14","subjectUnder18":true}""");
    private static readonly PayloadBinding Row = new("Concerns", "2026", "6f1c2b8e-4a7d-4c1e-9d0b-3e5f7a9c1d2e", 1);

    private readonly DataKey _key = TestKeys.Create("v1");

    [Fact]
    public async Task A_sealed_payload_opens_again_under_its_binding()
    {
        var cipher = new PayloadCipher(TestKeys.Provider(_key));

        var sealedPayload = await cipher.SealAsync(Plaintext, Row, CancellationToken.None);

        Assert.Equal("v1", sealedPayload.KeyVersion);
        Assert.Equal(PayloadCipher.NonceSize + Plaintext.Length + PayloadCipher.TagSize, sealedPayload.Payload.Length);
        Assert.Equal(Plaintext, await cipher.OpenAsync(sealedPayload, Row, CancellationToken.None));
    }

    [Fact]
    public async Task The_payload_does_not_contain_the_plaintext_and_every_seal_uses_a_fresh_nonce()
    {
        var cipher = new PayloadCipher(TestKeys.Provider(_key));

        var first = await cipher.SealAsync(Plaintext, Row, CancellationToken.None);
        var second = await cipher.SealAsync(Plaintext, Row, CancellationToken.None);

        Assert.False(first.Payload.AsSpan(0, PayloadCipher.NonceSize).SequenceEqual(second.Payload.AsSpan(0, PayloadCipher.NonceSize)));
        Assert.False(first.Payload.AsSpan().SequenceEqual(second.Payload));
        Assert.Equal(-1, first.Payload.AsSpan().IndexOf(Encoding.UTF8.GetBytes("2026-03-14")));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(PayloadCipher.NonceSize)]
    [InlineData(PayloadCipher.NonceSize + 5)]
    [InlineData(-1)]
    public async Task Any_flipped_bit_is_detected(int position)
    {
        var cipher = new PayloadCipher(TestKeys.Provider(_key));
        var sealedPayload = await cipher.SealAsync(Plaintext, Row, CancellationToken.None);
        var tampered = (byte[])sealedPayload.Payload.Clone();
        tampered[position < 0 ? tampered.Length + position : position] ^= 0x01;

        await Assert.ThrowsAnyAsync<CryptographicException>(() =>
            cipher.OpenAsync(sealedPayload with { Payload = tampered }, Row, CancellationToken.None));
    }

    public static TheoryData<PayloadBinding> OtherPlaces => new()
    {
        Row with { RowKey = "0a1b2c3d-0000-4000-8000-000000000000" },
        Row with { PartitionKey = "2025" },
        Row with { Table = "ConcernsCopy" },
        Row with { SchemaVersion = 2 },
    };

    [Theory]
    [MemberData(nameof(OtherPlaces))]
    public async Task A_payload_copied_to_another_place_does_not_open(PayloadBinding elsewhere)
    {
        var cipher = new PayloadCipher(TestKeys.Provider(_key));
        var sealedPayload = await cipher.SealAsync(Plaintext, Row, CancellationToken.None);

        await Assert.ThrowsAnyAsync<CryptographicException>(() => cipher.OpenAsync(sealedPayload, elsewhere, CancellationToken.None));
    }

    [Fact]
    public async Task A_payload_does_not_open_under_another_key()
    {
        var sealedPayload = await new PayloadCipher(TestKeys.Provider(_key)).SealAsync(Plaintext, Row, CancellationToken.None);
        var impostor = new PayloadCipher(TestKeys.Provider(new DataKey("v1", RandomNumberGenerator.GetBytes(32))));

        await Assert.ThrowsAnyAsync<CryptographicException>(() => impostor.OpenAsync(sealedPayload, Row, CancellationToken.None));
    }

    [Fact]
    public async Task After_rotation_old_payloads_open_with_the_version_they_record()
    {
        var oldPayload = await new PayloadCipher(TestKeys.Provider(_key)).SealAsync(Plaintext, Row, CancellationToken.None);
        var rotated = new PayloadCipher(TestKeys.Provider(TestKeys.Create("v2"), _key));

        var newPayload = await rotated.SealAsync(Plaintext, Row, CancellationToken.None);

        Assert.Equal("v2", newPayload.KeyVersion);
        Assert.Equal(Plaintext, await rotated.OpenAsync(oldPayload, Row, CancellationToken.None));
    }

    [Fact]
    public async Task A_truncated_payload_is_refused()
    {
        var cipher = new PayloadCipher(TestKeys.Provider(_key));

        await Assert.ThrowsAnyAsync<CryptographicException>(() =>
            cipher.OpenAsync(new SealedPayload(new byte[PayloadCipher.NonceSize + PayloadCipher.TagSize - 1], "v1"), Row, CancellationToken.None));
    }
}
