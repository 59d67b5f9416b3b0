using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Radikalisering.Core.Concerns;
using Radikalisering.Disclosure;

namespace Radikalisering.Core.Statistics;

/// <summary>
/// Compiles a year: counts the year's concerns into the age × reporter × outcome cube, protects
/// the published tables with the disclosure engine and stores only the published figures. When the year's
/// publication withholds figures, the last three years together are published with it where they can be
/// (<see cref="PooledStatisticsCompiler"/>).
/// <list type="bullet">
/// <item>No snapshot yet: it is stored.</item>
/// <item>A snapshot not yet mailed (Compiled): recompiled from the current concerns, with the stored
/// figures as the previous publication (they may have been read already), so what was suppressed
/// stays suppressed and the two versions together reveal no small group, also to an intruder who replays the method. If the figures are the
/// same, nothing is written: compiling the same year twice gives the same snapshot.</item>
/// <item>A snapshot not yet mailed that the ladder did not make (one of the former engine's) cannot be republished
/// safely: <see cref="LadderRefusedException"/> is thrown and the snapshot is left as it is.</item>
/// <item>A snapshot being or already mailed (Sending, Sent) is final and never recompiled.</item>
/// </list>
/// </summary>
public sealed partial class AnnualStatisticsCompiler(
    IConcernReader concerns,
    ReportSnapshotStore snapshots,
    DisclosureEngine engine,
    PooledStatisticsCompiler pooling,
    IOptions<DisclosureOptions> options,
    TimeProvider timeProvider,
    ILogger<AnnualStatisticsCompiler> logger)
{
    public const string Method =
        "Publiceringsstige: totalen vises fra k; tal under k (også 0) skjules sammen med de mindst vigtige kategorier eller hele tabellen; " +
        "valget følger faste regler og en kontrol, der kun bruger de viste tal, så hvert skjult tal kan være både 0 og mindst k, " +
        "også for en, der kender metoden og én henvendelse. En genberegning før udsendelse bruger samme stige: hvad der var skjult, " +
        "forbliver skjult, og et tal vises igen kun uændret eller ændret med mindst k. " +
        "Skjuler et år tal, vises også de seneste tre år samlet, når de to foregående år er opgjort og det kan ske sikkert, så også små år viser, hvad henvendelserne handler om: " +
        "de samlede tal beskyttes efter samme regler sammen med de tal, der allerede er vist for hvert år, og det kontrolleres, " +
        "at forskellen mellem de samlede tal og årenes egne tal ikke afslører et skjult tal.";

    /// <summary>How often a compile starts over when another run wrote the same year at the same moment.</summary>
    private const int MaximumAttempts = 3;

    public async Task<CompileResult> CompileAsync(int year, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var existing = await snapshots.GetAsync(year, cancellationToken);
            if (existing is { Status: not ReportStatus.Compiled })
            {
                LogFinal(year, existing.Status);
                return new CompileResult(existing, CompileOutcome.AlreadySent);
            }

            var compiled = await ProtectAsync(year, existing, cancellationToken);
            if (existing is not null && SameFigures(existing, compiled))
            {
                return new CompileResult(existing, CompileOutcome.Unchanged);
            }

            var stored = existing is null
                ? await snapshots.TryAddAsync(compiled, cancellationToken)
                : await snapshots.TryReplaceAsync(compiled with { ETag = existing.ETag }, cancellationToken);
            if (stored is not null)
            {
                LogCompiled(year, stored.Total);
                return new CompileResult(stored, existing is null ? CompileOutcome.Created : CompileOutcome.Updated);
            }

            if (attempt == MaximumAttempts)
            {
                throw new InvalidOperationException($"The snapshot of {year} kept changing while it was compiled.");
            }
        }
    }

    private async Task<ReportSnapshot> ProtectAsync(int year, ReportSnapshot? previous, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var tables = settings.PublishedTables.Select(dimensions => new TableDefinition(TableName(dimensions), dimensions)).ToList();
        var disclosureSettings = new DisclosureSettings(settings.Threshold, settings.SmallTotal, DisclosureOptions.KeyFigureCosts);
        var cube = await ConcernCube.CountAsync(concerns, year, cancellationToken);
        var request = new DisclosureRequest(
            cube,
            tables,
            disclosureSettings,
            previous?.Tables.Select(SnapshotTables.ToEngine).ToList());

        var result = engine.Protect(request, cancellationToken);
        if (!result.Audit.Passed)
        {
            throw new InvalidOperationException($"Disclosure control of {year} did not pass its audit; nothing was stored.");
        }

        if (result.Audit.WorkBoundReached)
        {
            LogWorkBound(year, result.WholePublicationSuppressed);
        }

        var pooled = await pooling.PoolAsync(
            new PooledYear(year, cube, result.Tables), tables, disclosureSettings, previous?.Pooled, cancellationToken);
        return new ReportSnapshot(
            year,
            ReportStatus.Compiled,
            result.Tables.Select(SnapshotTables.FromEngine).ToList(),
            result.WholePublicationSuppressed,
            Method,
            settings.Threshold,
            timeProvider.GetUtcNow(),
            SendingStartedAt: null,
            SentAt: null,
            ETag: default)
        {
            Pooled = pooled,
        };
    }

    private static string TableName(IReadOnlyList<string> dimensions) =>
        dimensions.Count == 0 ? DisclosureOptions.GrandTotal : string.Join(",", dimensions);

    private static bool SameFigures(ReportSnapshot stored, ReportSnapshot compiled) =>
        stored.Threshold == compiled.Threshold
        && stored.WholePublicationSuppressed == compiled.WholePublicationSuppressed
        && SnapshotTables.SameFigures(stored.Tables, compiled.Tables)
        && (stored.Pooled, compiled.Pooled) switch
        {
            (null, null) => true,
            ({ } storedPooled, { } compiledPooled) => storedPooled.SameFigures(compiledPooled),
            _ => false,
        };

    [LoggerMessage(Level = LogLevel.Information, Message = "Compiled the statistics of {Year}; published total {Total}.")]
    private partial void LogCompiled(int year, long? total);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The disclosure control of {Year} reached its work bound and withheld more than it might have (everything: {EverythingWithheld}); see docs/disclosure-control.md, 'The work bound'.")]
    private partial void LogWorkBound(int year, bool everythingWithheld);

    [LoggerMessage(Level = LogLevel.Information, Message = "The report of {Year} is {Status}; its snapshot is final and was not recompiled.")]
    private partial void LogFinal(int year, ReportStatus status);
}
