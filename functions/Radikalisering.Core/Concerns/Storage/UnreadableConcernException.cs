using Azure;

namespace Radikalisering.Core.Concerns;

/// <summary>The concern's row exists but cannot be read; <see cref="ETag"/> lets an operator delete it.</summary>
public sealed class UnreadableConcernException : Exception
{
    public UnreadableConcernException()
    {
    }

    public UnreadableConcernException(string message)
        : base(message)
    {
    }

    public UnreadableConcernException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public UnreadableConcernException(UnreadableConcern concern, ETag etag)
        : base($"Concern row {concern?.Id} cannot be read.")
    {
        Concern = concern;
        ETag = etag;
    }

    public UnreadableConcern? Concern { get; }

    public ETag ETag { get; }
}
