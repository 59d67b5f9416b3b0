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

    /// <summary>Granted, but the subject does not exist: 404.</summary>
    NotFound,

    /// <summary>Granted, but refused for what was asked or the subject's state: any other 4xx (400, 409, 412, 413, 415, 422).</summary>
    Refused,
}
