namespace Radikalisering.Disclosure;

/// <summary>The request cannot be published by the ladder, so nothing is published (see <see cref="Reason"/>).</summary>
public sealed class LadderRefusedException : Exception
{
    public LadderRefusedException()
    {
    }

    public LadderRefusedException(string message)
        : base(message)
    {
    }

    public LadderRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public LadderRefusedException(LadderRefusal reason)
        : base(MessageFor(reason))
    {
        Reason = reason;
    }

    public LadderRefusal Reason { get; }

    private static string MessageFor(LadderRefusal reason) => reason switch
    {
        LadderRefusal.CubeTooLarge => $"The cube has more than {DisclosureEngine.LargestCube} cells; the ladder publishes no larger cube.",
        LadderRefusal.TablesOutsideLadder => "The tables have no grand total or more combinations than a ladder holds.",
        LadderRefusal.PreviousPublicationNotFromLadder => "The earlier publication of the period was not made by the ladder; no level republishes it safely.",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Unknown refusal."),
    };
}
