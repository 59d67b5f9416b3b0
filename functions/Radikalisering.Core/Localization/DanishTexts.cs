using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace Radikalisering.Core.Localization;

/// <summary>
/// The Danish words and messages that the API's problems, the annual report and the Power Apps app share, read
/// from <c>labels.da.json</c> (embedded). The app cannot read the file, so <c>powerapps/src/App.pa.yaml</c>
/// repeats them as named formulas, and tests/Radikalisering.PowerAppsTests checks that both say the same.
/// </summary>
internal static class DanishTexts
{
    public const string ResourceName = "Radikalisering.Core.Localization.labels.da.json";

    private static readonly FrozenDictionary<string, FrozenDictionary<string, string>> Sections = Load();

    /// <summary>The text under <paramref name="section"/> and <paramref name="key"/>; throws when the file lacks it.</summary>
    public static string Get(string section, string key) =>
        TryGet(section, key, out var text)
            ? text
            : throw new KeyNotFoundException($"labels.da.json has no '{section}.{key}'.");

    public static bool TryGet(string section, string key, out string text)
    {
        text = "";
        return Sections.TryGetValue(section, out var texts) && texts.TryGetValue(key, out text!);
    }

    /// <summary>A problem's detail with its <c>{0}</c> filled in.</summary>
    public static string Problem(string key, params object[] arguments) =>
        string.Format(CultureInfo.InvariantCulture, Get("problems", key), arguments);

    private static FrozenDictionary<string, FrozenDictionary<string, string>> Load()
    {
        using var stream = typeof(DanishTexts).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The assembly has no resource {ResourceName}.");
        var sections = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(stream)
            ?? throw new InvalidOperationException("labels.da.json is empty.");
        return sections.ToFrozenDictionary(
            section => section.Key,
            section => section.Value.ToFrozenDictionary(StringComparer.Ordinal),
            StringComparer.Ordinal);
    }
}
