namespace Radikalisering.Core.Reports;

/// <summary>
/// The inline CSS of the e-mail. Outlook ignores style sheets and most modern CSS, so every
/// element carries its own simple declarations and layout is done with tables. Nothing is wider than
/// its container: the container is fluid up to 600 px, and long Danish words may break where a line
/// would otherwise overflow a phone's screen.
/// </summary>
public static class ReportStyles
{
    private const string Wrap = "overflow-wrap:break-word;word-wrap:break-word;";

    public const string Body = "margin:0;padding:0;background-color:#f3f4f6;font-family:Segoe UI,Arial,Helvetica,sans-serif;color:#1f2937;-webkit-text-size-adjust:100%;" + Wrap;
    public const string Outer = "width:100%;border-collapse:collapse;background-color:#f3f4f6;";
    public const string OuterCell = "padding:12px 0;";
    public const string Container = "width:100%;max-width:600px;background-color:#ffffff;border-collapse:collapse;";
    public const string Section = "padding:16px;" + Wrap;
    public const string Heading1 = "margin:0 0 4px 0;font-size:21px;line-height:27px;color:#0b3d63;" + Wrap;
    public const string Heading2 = "margin:0 0 8px 0;font-size:17px;line-height:22px;color:#0b3d63;" + Wrap;
    public const string Lead = "margin:0;font-size:14px;line-height:20px;color:#4b5563;";
    public const string Paragraph = "margin:0 0 8px 0;font-size:14px;line-height:20px;";
    public const string DataTable = "width:100%;border-collapse:collapse;font-size:14px;line-height:20px;margin:0 0 12px 0;";
    public const string Caption = "text-align:left;font-weight:bold;padding:0 0 6px 0;font-size:15px;color:#0b3d63;" + Wrap;
    public const string ColumnHeader = "text-align:right;vertical-align:bottom;padding:6px 4px;border-bottom:2px solid #0b3d63;font-weight:bold;";

    /// <summary>The "I alt" column's header: two short words that read badly on two lines.</summary>
    public const string TotalColumnHeader = ColumnHeader + "white-space:nowrap;";
    public const string FirstColumnHeader = "text-align:left;vertical-align:bottom;padding:6px 4px 6px 0;border-bottom:2px solid #0b3d63;font-weight:bold;" + Wrap;
    public const string RowHeader = "text-align:left;padding:6px 4px 6px 0;border-bottom:1px solid #e5e7eb;font-weight:normal;" + Wrap;
    public const string TotalRowHeader = "text-align:left;padding:6px 4px 6px 0;border-top:2px solid #0b3d63;font-weight:bold;";
    public const string Cell = "text-align:right;padding:6px 4px;border-bottom:1px solid #e5e7eb;white-space:nowrap;";
    public const string TotalCell = "text-align:right;padding:6px 4px;border-top:2px solid #0b3d63;font-weight:bold;white-space:nowrap;";
    public const string SuppressedCell = "text-align:right;padding:6px 4px;border-bottom:1px solid #e5e7eb;white-space:nowrap;color:#6b7280;font-style:italic;";
    public const string KeyFigureBox = "width:50%;padding:10px;background-color:#eef4f9;border:4px solid #ffffff;vertical-align:top;" + Wrap;
    public const string KeyFigureValue = "margin:0;font-size:26px;line-height:32px;font-weight:bold;color:#0b3d63;";
    public const string KeyFigureWithheld = "margin:0 0 2px 0;font-size:18px;line-height:30px;font-weight:bold;color:#4b5563;";
    public const string KeyFigureLabel = "margin:0;font-size:13px;line-height:18px;color:#4b5563;";
    public const string KeyFigureReason = "margin:4px 0 0 0;font-size:12px;line-height:16px;color:#4b5563;font-style:italic;";
    /// <summary>The sentence standing in for a table, or for the three years together, that cannot be shown.</summary>
    public const string NotShown = "margin:0 0 12px 0;padding:8px 12px;border-left:3px solid #9ca3af;background-color:#f9fafb;font-size:14px;line-height:20px;color:#374151;";
    public const string Note = "margin:0 0 8px 0;font-size:13px;line-height:19px;color:#4b5563;";

    /// <summary>The trend chart at the width of its column: never wider than the screen, height in proportion.</summary>
    public const string Chart = "display:block;width:100%;max-width:560px;height:auto;border:0;margin:0 0 12px 0;";
}
