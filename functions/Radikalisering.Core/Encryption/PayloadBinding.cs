using System.Buffers.Binary;
using System.Text;

namespace Radikalisering.Core.Encryption;

/// <summary>
/// Where a payload belongs. Authenticated as AES-GCM associated data, so a payload copied to another
/// table, partition, row or schema version fails to decrypt.
/// </summary>
public sealed record PayloadBinding(string Table, string PartitionKey, string RowKey, int SchemaVersion)
{
    /// <summary>Each part length-prefixed, so no two different bindings share bytes.</summary>
    public byte[] ToAssociatedData()
    {
        var parts = new[] { Table, PartitionKey, RowKey, SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture) }
            .Select(Encoding.UTF8.GetBytes)
            .ToArray();
        var buffer = new byte[parts.Sum(part => sizeof(int) + part.Length)];
        var offset = 0;
        foreach (var part in parts)
        {
            BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(offset), part.Length);
            part.CopyTo(buffer, offset + sizeof(int));
            offset += sizeof(int) + part.Length;
        }

        return buffer;
    }
}
