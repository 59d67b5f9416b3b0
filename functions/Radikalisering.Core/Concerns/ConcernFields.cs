namespace Radikalisering.Core.Concerns;

/// <summary>The JSON names of the facts, and in Danish what each must hold (used in problem details).</summary>
public static class ConcernFields
{
    public const string ReceivedOn = "receivedOn";
    public const string SubjectUnder18 = "subjectUnder18";
    public const string Reporter = "reporter";
    public const string Outcome = "outcome";

    /// <summary>No concern can predate the system's own history; catches typos such as 0206 for 2026.</summary>
    public static DateOnly EarliestReceivedOn { get; } = new(2000, 1, 1);

    /// <summary>Whether a year in a route or query can hold concerns at all: from the earliest receipt date to 9999.</summary>
    public static bool IsPlausibleYear(int year) => year >= EarliestReceivedOn.Year && year <= 9999;

    /// <summary>
    /// Reads a year only in its canonical spelling, four ASCII digits (<c>2026</c>, never <c>+2026</c>,
    /// <c>02026</c> or <c> 2026</c>), and only if plausible. Routes get the same from the <c>length(4)</c> constraint.
    /// </summary>
    public static bool TryParseYear(string? value, out int year)
    {
        year = 0;
        return value is { Length: 4 }
            && value.All(char.IsAsciiDigit)
            && int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out year)
            && IsPlausibleYear(year);
    }

    public static IReadOnlyDictionary<string, string> Rules { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [ReceivedOn] = "skal være en gyldig dato på formen åååå-mm-dd, fx \"2026-03-14\".",
        [SubjectUnder18] = "skal være true eller false.",
        [Reporter] = "skal være en af: \"municipalEmployee\" (kommunal medarbejder), \"otherAuthority\" (anden myndighed) eller \"other\" (andre).",
        [Outcome] = "skal være en af: \"pending\" (afventer), \"confirmed\" (bekræftet) eller \"dismissed\" (afkræftet).",
    };
}
