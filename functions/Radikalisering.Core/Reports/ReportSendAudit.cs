using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Radikalisering.Core.Audit;

namespace Radikalisering.Core.Reports;

/// <summary>
/// The <c>report.send</c> audit entry of a year's mailing. Its operation id and time follow from the year and
/// the snapshot's <c>SentAt</c>, so the run that mailed and any later call that finds the snapshot sent write
/// the same audit row: a send is audited exactly once, even when the first write failed.
/// </summary>
public static class ReportSendAudit
{
    public static AuditEntry EntryFor(int year, DateTimeOffset sentAt, string sentBy)
    {
        var operation = string.Create(CultureInfo.InvariantCulture, $"{AuditActions.SendReport}/{year:D4}/{sentAt.UtcTicks}");
        var operationId = new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(operation)).AsSpan(0, 16));
        return new AuditEntry(sentBy, AuditActions.SendReport, year.ToString("D4", CultureInfo.InvariantCulture), AuditResult.Succeeded)
        {
            OperationId = operationId,
            OccurredAt = sentAt,
        };
    }
}
