namespace Radikalisering.WorkerHost;

/// <summary>The local run's command line: <c>--app</c>, <c>--settings</c>, <c>--url</c>.</summary>
public sealed record LocalRunArguments(string AppDirectory, string SettingsFile, Uri Url)
{
    public static LocalRunArguments Parse(IReadOnlyList<string> args)
    {
        string Value(string name) =>
            args.SkipWhile(arg => arg != name).Skip(1).FirstOrDefault()
            ?? throw new ArgumentException($"Usage: Radikalisering.WorkerHost --app <dir> --settings <local.settings.json> [--url http://localhost:7071]; {name} is missing.");
        var url = args.Contains("--url") ? Value("--url") : "http://localhost:7071";
        return new LocalRunArguments(Value("--app"), Value("--settings"), new Uri(url));
    }
}
