namespace Radikalisering.Core.Mail;

/// <summary>A file sent with the report; inline when it has a content id the HTML refers to as <c>cid:</c>.</summary>
public sealed record MailAttachment(string FileName, string ContentType, ReadOnlyMemory<byte> Content, string? InlineContentId)
{
    public bool IsInline => InlineContentId is not null;
}
