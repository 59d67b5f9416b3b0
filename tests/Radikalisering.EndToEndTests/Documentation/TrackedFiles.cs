using System.Diagnostics;
using System.Text;
using Radikalisering.EndToEndTests.Hosting;

namespace Radikalisering.EndToEndTests.Documentation;

/// <summary>The repository's tracked text files (<c>git ls-files</c>): what a clone has, nothing built or local.</summary>
internal static class TrackedFiles
{
    public static IReadOnlyList<TrackedFile> Text { get; } = ReadText();

    private static List<TrackedFile> ReadText()
    {
        var start = new ProcessStartInfo("git", ["ls-files", "-z"])
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var git = Process.Start(start) ?? throw new InvalidOperationException("git could not be started.");
        var output = git.StandardOutput.ReadToEnd();
        var error = git.StandardError.ReadToEnd();
        git.WaitForExit();
        if (git.ExitCode != 0)
        {
            throw new InvalidOperationException($"git ls-files failed in {RepositoryPaths.Root}: {error}");
        }

        return output.Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Select(path => (Path: path, Bytes: File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, path))))
            .Where(file => !file.Bytes.Contains((byte)0))
            .Select(file => new TrackedFile(file.Path, Encoding.UTF8.GetString(file.Bytes)))
            .ToList();
    }
}

/// <param name="Path">Relative to the repository root, with <c>/</c>.</param>
internal sealed record TrackedFile(string Path, string Content);
