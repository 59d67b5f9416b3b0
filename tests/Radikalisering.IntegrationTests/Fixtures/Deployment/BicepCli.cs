using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Radikalisering.IntegrationTests.Fixtures.Deployment;

/// <summary>Runs the Bicep CLI restored from the Azure.Bicep.CommandLine.linux-x64 package.</summary>
internal static partial class BicepCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static async Task<BicepRun> RunAsync(
        IReadOnlyList<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        EnsureExecutable(RepositoryPaths.BicepExecutable);
        var startInfo = new ProcessStartInfo(RepositoryPaths.BicepExecutable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryPaths.Root,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[name] = value;
        }

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start {RepositoryPaths.BicepExecutable}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish within {Timeout}.");
        }

        var standardError = await error;
        var diagnostics = standardError
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => DiagnosticPattern().IsMatch(line))
            .ToList();
        return new BicepRun(process.ExitCode, await output, standardError, diagnostics);
    }

    // NuGet does not always keep the executable bit when it extracts a package.
    private static void EnsureExecutable(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("The Bicep CLI is missing; restore the IntegrationTests project.", path);
        }
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        const UnixFileMode execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        var mode = File.GetUnixFileMode(path);
        if ((mode & UnixFileMode.UserExecute) == 0)
        {
            File.SetUnixFileMode(path, mode | execute);
        }
    }

    // "path(line,column) : Warning rule-or-code: message" (also Error); Info lines are not failures.
    [GeneratedRegex(@"\(\d+,\d+\) : (Warning|Error) ")]
    private static partial Regex DiagnosticPattern();
}

/// <summary>One finished Bicep CLI run: exit code, output and the warnings and errors it reported.</summary>
internal sealed record BicepRun(int ExitCode, string StandardOutput, string StandardError, IReadOnlyList<string> Diagnostics)
{
    public bool IsClean => ExitCode == 0 && Diagnostics.Count == 0;

    public string Describe() => $"exit code {ExitCode}{Environment.NewLine}{StandardError}";
}
