namespace Radikalisering.Core.Statistics;

/// <summary>Where an annual snapshot is in its life: compiled, claimed for mailing, mailed.</summary>
public enum ReportStatus
{
    Compiled,
    Sending,
    Sent,
}
