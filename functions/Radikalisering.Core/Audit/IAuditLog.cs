namespace Radikalisering.Core.Audit;

/// <summary>Append-only record of who did what. A failed write throws: the request must then fail too.</summary>
public interface IAuditLog
{
    Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken);
}
