using System.Text.RegularExpressions;

namespace Radikalisering.PowerAppsTests;

/// <summary>README.md's steps for bringing the connector and the app into a tenant name only files the repository has.</summary>
public sealed partial class ReadmeTests
{
    private const string Section = "### Power Platform connector and the Power Apps app";

    [Fact]
    public void The_import_steps_name_only_files_in_the_repository()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "README.md"));
        var start = readme.IndexOf(Section, StringComparison.Ordinal);
        Assert.True(start >= 0, $"README.md has no section '{Section}'");
        var end = readme.IndexOf("\n### ", start + Section.Length, StringComparison.Ordinal);
        var paths = CodeSpan().Matches(readme[start..(end < 0 ? readme.Length : end)])
            .SelectMany(span => span.Groups["code"].Value.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries))
            .Where(word => RepositoryPath().IsMatch(word))
            .Distinct()
            .ToList();

        Assert.Contains("powerapps/src/App.pa.yaml", paths);
        Assert.All(paths, path => Assert.True(ExistsOrIsRendered(path), $"README.md names {path}, which the repository does not have"));
    }

    // infra/connector/out/ is not committed: infra/scripts/render-connector.sh writes it during azd up.
    private static bool ExistsOrIsRendered(string path)
    {
        const string rendered = "infra/connector/out/";
        if (!path.StartsWith(rendered, StringComparison.Ordinal))
        {
            return File.Exists(Path.Combine(RepositoryFiles.Root, path)) || Directory.Exists(Path.Combine(RepositoryFiles.Root, path));
        }

        var script = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "infra", "scripts", "render-connector.sh"));
        return script.Contains("out_dir=\"$source_dir/out\"", StringComparison.Ordinal)
            && (path == rendered || script.Contains($"\"$out_dir/{path[rendered.Length..]}\"", StringComparison.Ordinal));
    }

    [GeneratedRegex("`(?<code>[^`]+)`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"^[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]*)+$")]
    private static partial Regex RepositoryPath();
}
