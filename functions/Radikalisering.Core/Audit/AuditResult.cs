namespace Radikalisering.Core.Audit;

/// <summary>How an audited request ended.</summary>
public enum AuditResult
{
    Succeeded,

    /// <summary>Refused: no (valid) principal, 401.</summary>
    Unauthenticated,

    /// <summary>Refused: the caller lacks the app role, 403.</summary>
    Forbidden,
}
