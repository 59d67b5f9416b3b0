namespace Radikalisering.Core.Statistics;

/// <summary>The snapshot a compile left in storage, and what the compile did.</summary>
public sealed record CompileResult(ReportSnapshot Snapshot, CompileOutcome Outcome);
