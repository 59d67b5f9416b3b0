using System.Text.RegularExpressions;
using Radikalisering.EndToEndTests.Hosting;

namespace Radikalisering.EndToEndTests.Documentation;

/// <summary>A clone is complete: no tracked document, script or source refers to a file outside the repository.</summary>
public sealed partial class RepositoryReferenceTests
{
    [Fact]
    public void No_tracked_file_has_a_relative_path_that_leaves_the_repository()
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(RepositoryPaths.Root));
        var escaping = TrackedFiles.Text.SelectMany(file => RelativePath().Matches(file.Content)
                .Where(match => !IsInside(root, Path.Combine(root, Path.GetDirectoryName(file.Path) ?? "", match.Value.Replace('\\', '/'))))
                .Select(match => $"{file.Path}:{LineOf(file.Content, match.Index)}: {match.Value}"))
            .ToList();

        Assert.NotEmpty(TrackedFiles.Text);
        Assert.Empty(escaping);
    }

    /// <summary>The design was once a page beside the repository; docs/design.md replaced it.</summary>
    [Fact]
    public void No_tracked_file_refers_to_the_former_design_page_outside_the_repository()
    {
        var references = TrackedFiles.Text.SelectMany(file => FormerDesignPage().Matches(file.Content)
                .Select(match => $"{file.Path}:{LineOf(file.Content, match.Index)}"))
            .ToList();

        Assert.Empty(references);
    }

    [Fact]
    public void A_path_that_climbs_above_its_file_and_the_root_is_found_one_that_stays_inside_is_not()
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(RepositoryPaths.Root));
        var reference = RelativePath().Match("see `../elsewhere/page.md` for more").Value;

        Assert.Equal("../elsewhere/page.md", reference);
        Assert.False(IsInside(root, Path.Combine(root, reference)));
        Assert.True(IsInside(root, Path.Combine(root, "docs", reference)));
    }

    private static bool IsInside(string root, string path)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        return full == root || full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    private static int LineOf(string content, int index) => content.AsSpan(0, index).Count('\n') + 1;

    // One or more parent steps and what follows them up to a quote, space or bracket: ../x, ..\..\x, $here/../x.
    [GeneratedRegex(@"(?:\.\.[/\\])+[^\s'""`()<>\[\]]*")]
    private static partial Regex RelativePath();

    [GeneratedRegex(@"\bDESIGN\.md\b")]
    private static partial Regex FormerDesignPage();
}
