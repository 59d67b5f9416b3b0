namespace Radikalisering.Core.Concerns;

/// <summary>
/// A change's transaction failed and storage never answered whether it committed after all. Not an
/// unavailability (503 tells the client the change did not happen): the client gets a 500 with a correlation
/// id and must look before it tries again.
/// </summary>
public sealed class CommitOutcomeUnknownException(Exception inner)
    : Exception("Whether the change committed could not be found out: storage did not answer.", inner);
