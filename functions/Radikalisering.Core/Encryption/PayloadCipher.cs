using System.Security.Cryptography;

namespace Radikalisering.Core.Encryption;

/// <summary>
/// AES-256-GCM with a fresh random 12-byte nonce per payload and a 16-byte tag. Stored layout:
/// nonce ‖ ciphertext ‖ tag. Opening with the wrong key, a tampered payload or a different
/// <see cref="PayloadBinding"/> throws <see cref="CryptographicException"/>.
/// </summary>
public sealed class PayloadCipher(IDataKeyProvider keys)
{
    public const int NonceSize = 12;
    public const int TagSize = 16;

    /// <summary>The key version new payloads are sealed under.</summary>
    public async Task<string> CurrentKeyVersionAsync(CancellationToken cancellationToken) =>
        (await keys.GetCurrentKeyAsync(cancellationToken)).Version;

    public async Task<SealedPayload> SealAsync(ReadOnlyMemory<byte> plaintext, PayloadBinding binding, CancellationToken cancellationToken)
    {
        var key = await keys.GetCurrentKeyAsync(cancellationToken);
        var payload = new byte[NonceSize + plaintext.Length + TagSize];
        var nonce = payload.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(key.Material, TagSize))
        {
            aes.Encrypt(
                nonce,
                plaintext.Span,
                payload.AsSpan(NonceSize, plaintext.Length),
                payload.AsSpan(NonceSize + plaintext.Length, TagSize),
                binding.ToAssociatedData());
        }

        return new SealedPayload(payload, key.Version);
    }

    public async Task<byte[]> OpenAsync(SealedPayload sealedPayload, PayloadBinding binding, CancellationToken cancellationToken)
    {
        var payload = sealedPayload.Payload;
        if (payload.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("The payload is too short to be AES-GCM output.");
        }

        var key = await keys.GetKeyAsync(sealedPayload.KeyVersion, cancellationToken);
        var ciphertextLength = payload.Length - NonceSize - TagSize;
        var plaintext = new byte[ciphertextLength];
        using var aes = new AesGcm(key.Material, TagSize);
        aes.Decrypt(
            payload.AsSpan(0, NonceSize),
            payload.AsSpan(NonceSize, ciphertextLength),
            payload.AsSpan(NonceSize + ciphertextLength, TagSize),
            plaintext,
            binding.ToAssociatedData());
        return plaintext;
    }
}
