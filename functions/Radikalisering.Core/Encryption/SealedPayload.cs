namespace Radikalisering.Core.Encryption;

/// <summary>An encrypted payload (nonce ‖ ciphertext ‖ tag) and the key version that sealed it.</summary>
public sealed record SealedPayload(byte[] Payload, string KeyVersion);
