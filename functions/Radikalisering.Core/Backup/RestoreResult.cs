namespace Radikalisering.Core.Backup;

/// <summary>How a restore ended; rows per table when it <see cref="RestoreOutcome.Restored"/>.</summary>
public sealed record RestoreResult(string Run, RestoreOutcome Outcome, IReadOnlyDictionary<string, int> Rows, IReadOnlyList<string> Problems)
{
    public static RestoreResult Restored(string run, IReadOnlyDictionary<string, int> rows) => new(run, RestoreOutcome.Restored, rows, []);

    public static RestoreResult NotFound(string run) => new(run, RestoreOutcome.NotFound, new Dictionary<string, int>(), []);

    /// <summary>A blob is missing rows or does not match the manifest's hash.</summary>
    public static RestoreResult Damaged(string run, string blob) => new(run, RestoreOutcome.Damaged, new Dictionary<string, int>(), [blob]);

    public static RestoreResult TablesNotEmpty(string run, IReadOnlyList<string> tables) => new(run, RestoreOutcome.TablesNotEmpty, new Dictionary<string, int>(), tables);
}

public enum RestoreOutcome
{
    Restored,
    NotFound,
    Damaged,
    TablesNotEmpty,
}
