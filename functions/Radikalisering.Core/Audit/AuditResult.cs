namespace Radikalisering.Core.Audit;

/// <summary>How an audited request ended.</summary>
public enum AuditResult
{
    Succeeded,

    /// <summary>Refused: no (valid) principal, 401.</summary>
    Unauthenticated,

    /// <summary>Refused: the caller lacks the app role, 403.</summary>
    Forbidden,

    /// <summary>The subject's stored row could not be read: an integrity alert.</summary>
    Unreadable,
}
