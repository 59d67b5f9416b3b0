using Azure;
using Microsoft.AspNetCore.Http;
using Radikalisering.Core.Http;

namespace Radikalisering.Tests.Http;

public sealed class EntityTagsTests
{
    private static readonly ETag TableETag = new("W/\"datetime'2026-06-15T10%3A00%3A00.1234567Z'\"");

    [Fact]
    public void A_table_ETag_becomes_a_strong_entity_tag_and_back()
    {
        var header = EntityTags.ToHeader(TableETag);

        Assert.StartsWith("\"", header, StringComparison.Ordinal);
        Assert.DoesNotContain("W/", header, StringComparison.Ordinal);
        Assert.Equal(TableETag, EntityTags.Parse(header));
    }

    [Fact]
    public void A_missing_If_Match_is_428()
    {
        var request = new DefaultHttpContext().Request;

        Assert.Equal(StatusCodes.Status428PreconditionRequired, ProblemResults.Status(EntityTags.ReadIfMatch(request).Problem));
    }

    [Theory]
    [InlineData("*")]
    [InlineData("W/\"abc\"")]
    [InlineData("not-quoted")]
    [InlineData("\"not base64url!\"")]
    public void An_If_Match_this_API_did_not_issue_is_400(string value)
    {
        var request = new DefaultHttpContext().Request;
        request.Headers.IfMatch = value;

        Assert.Equal(StatusCodes.Status400BadRequest, ProblemResults.Status(EntityTags.ReadIfMatch(request).Problem));
    }

    [Fact]
    public void An_issued_If_Match_is_read()
    {
        var request = new DefaultHttpContext().Request;
        request.Headers.IfMatch = EntityTags.ToHeader(TableETag);

        Assert.Equal(TableETag, EntityTags.ReadIfMatch(request).Value);
    }
}
