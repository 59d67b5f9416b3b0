namespace Radikalisering.Disclosure;

/// <summary>
/// One condition a publication level sets on the year before it may be used: the sum of the listed table cells
/// lies within [Lower, Upper] (or, when <paramref name="Inside"/> is false, outside it). Every condition and its
/// negation are linear in the cube (the negation of "inside" is one of two half-lines), so "this level was not
/// admissible" is a disjunction the replay gate can write into its model.
/// </summary>
internal sealed record AdmissionCondition(int[] Cells, long Lower, long Upper, bool Inside = true)
{
    public static AdmissionCondition AtLeast(int[] cells, long lower) => new(cells, lower, long.MaxValue);

    public static AdmissionCondition AtMost(int[] cells, long upper) => new(cells, long.MinValue, upper);

    public static AdmissionCondition NotBetween(int[] cells, long lower, long upper) => new(cells, lower, upper, Inside: false);

    public bool HoldsFor(long sum) => (sum >= Lower && sum <= Upper) == Inside;
}
