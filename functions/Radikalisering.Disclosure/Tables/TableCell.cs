namespace Radikalisering.Disclosure;

/// <summary>One cell of a linked table: which cube cells it sums (its support) and its true value.</summary>
internal sealed record TableCell(int Index, int TableIndex, TableDefinition Table, IReadOnlyList<string> Categories, int[] Support, long Value)
{
    public bool IsGrandTotal => Table.Dimensions.Count == 0;
}
