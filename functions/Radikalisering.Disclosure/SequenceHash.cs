namespace Radikalisering.Disclosure;

/// <summary>A hash over a list's elements, matching the element-wise equality of the result records.</summary>
internal static class SequenceHash
{
    public static int Of<T>(IEnumerable<T> items)
    {
        var hash = new HashCode();
        foreach (var item in items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }
}
