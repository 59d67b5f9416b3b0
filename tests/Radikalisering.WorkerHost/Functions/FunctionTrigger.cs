namespace Radikalisering.WorkerHost.Functions;

/// <summary>What starts a function: the trigger binding of its metadata.</summary>
public abstract record FunctionTrigger(string ParameterName);

/// <param name="Route">The route template after the host's route prefix, e.g. <c>concerns/{year:int}/{id:guid}</c>.</param>
public sealed record HttpTrigger(string ParameterName, string Route, IReadOnlyList<string> Methods) : FunctionTrigger(ParameterName);

/// <param name="Schedule">NCRONTAB with seconds, UTC.</param>
public sealed record TimerTrigger(string ParameterName, string Schedule) : FunctionTrigger(ParameterName);

/// <param name="Connection">The app setting holding the storage connection string.</param>
public sealed record QueueTrigger(string ParameterName, string QueueName, string Connection) : FunctionTrigger(ParameterName);
