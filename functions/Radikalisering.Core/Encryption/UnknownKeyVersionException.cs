namespace Radikalisering.Core.Encryption;

/// <summary>A payload names a key version that does not exist: the row is damaged, not the service unavailable.</summary>
public sealed class UnknownKeyVersionException : Exception
{
    public UnknownKeyVersionException()
    {
    }

    public UnknownKeyVersionException(string message)
        : base(message)
    {
    }

    public UnknownKeyVersionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
