namespace Radikalisering.WorkerHost;

/// <summary>The worker failed, or asked for something this stand-in host does not support.</summary>
public sealed class WorkerHostException(string message, Exception? innerException = null) : Exception(message, innerException);
