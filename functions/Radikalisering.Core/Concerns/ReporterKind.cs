namespace Radikalisering.Core.Concerns;

/// <summary>Who raised the concern, as the guideline distinguishes it.</summary>
public enum ReporterKind
{
    /// <summary>"Kommunal medarbejder".</summary>
    MunicipalEmployee,

    /// <summary>"Anden myndighed".</summary>
    OtherAuthority,

    /// <summary>"Andre".</summary>
    Other,
}
