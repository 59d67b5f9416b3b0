namespace Radikalisering.Core.Encryption;

/// <summary>
/// Key Vault did not hand out the data key (unreachable, throttled, refused, timed out or its answer
/// unusable): the request cannot be served now and answers 503. Says nothing about the key's material.
/// </summary>
public sealed class DataKeyUnavailableException : Exception
{
    public DataKeyUnavailableException()
    {
    }

    public DataKeyUnavailableException(string message)
        : base(message)
    {
    }

    public DataKeyUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
