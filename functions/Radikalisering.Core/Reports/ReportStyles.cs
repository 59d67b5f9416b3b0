namespace Radikalisering.Core.Reports;

/// <summary>
/// The inline CSS of the e-mail. Outlook ignores style sheets and most modern CSS, so every
/// element carries its own simple declarations and layout is done with tables.
/// </summary>
public static class ReportStyles
{
    public const string Body = "margin:0;padding:0;background-color:#f3f4f6;font-family:Segoe UI,Arial,Helvetica,sans-serif;color:#1f2937;";
    public const string Container = "width:100%;max-width:600px;background-color:#ffffff;border-collapse:collapse;";
    public const string Section = "padding:16px 20px;";
    public const string Heading1 = "margin:0 0 4px 0;font-size:22px;line-height:28px;color:#0b3d63;";
    public const string Heading2 = "margin:0 0 8px 0;font-size:17px;line-height:22px;color:#0b3d63;";
    public const string Lead = "margin:0;font-size:14px;line-height:20px;color:#4b5563;";
    public const string Paragraph = "margin:0 0 8px 0;font-size:14px;line-height:20px;";
    public const string DataTable = "width:100%;border-collapse:collapse;font-size:14px;line-height:20px;";
    public const string Caption = "text-align:left;font-weight:bold;padding:0 0 6px 0;font-size:15px;color:#0b3d63;";
    public const string ColumnHeader = "text-align:right;padding:6px 8px;border-bottom:2px solid #0b3d63;font-weight:bold;";
    public const string FirstColumnHeader = "text-align:left;padding:6px 8px;border-bottom:2px solid #0b3d63;font-weight:bold;";
    public const string RowHeader = "text-align:left;padding:6px 8px;border-bottom:1px solid #e5e7eb;font-weight:normal;";
    public const string TotalRowHeader = "text-align:left;padding:6px 8px;border-top:2px solid #0b3d63;font-weight:bold;";
    public const string Cell = "text-align:right;padding:6px 8px;border-bottom:1px solid #e5e7eb;white-space:nowrap;";
    public const string TotalCell = "text-align:right;padding:6px 8px;border-top:2px solid #0b3d63;font-weight:bold;white-space:nowrap;";
    public const string SuppressedCell = "text-align:right;padding:6px 8px;border-bottom:1px solid #e5e7eb;white-space:nowrap;color:#6b7280;font-style:italic;";
    public const string KeyFigureValue = "margin:0;font-size:26px;line-height:32px;font-weight:bold;color:#0b3d63;";
    public const string KeyFigureLabel = "margin:0;font-size:13px;line-height:18px;color:#4b5563;";
    public const string KeyFigureBox = "padding:10px;background-color:#eef4f9;border:4px solid #ffffff;width:50%;vertical-align:top;";
    public const string Note = "margin:0 0 8px 0;font-size:13px;line-height:19px;color:#4b5563;";
    public const string Chart = "display:block;width:100%;max-width:560px;height:auto;border:0;";
}
