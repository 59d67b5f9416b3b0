using Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
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
        Assert.True(EntityTags.TryParse(header, out var parsed));
        Assert.Equal(TableETag, parsed);
    }

    [Fact]
    public void A_missing_If_Match_is_428()
    {
        var request = new DefaultHttpContext().Request;

        Assert.False(EntityTags.TryReadIfMatch(request, out _, out var problem));
        Assert.Equal(StatusCodes.Status428PreconditionRequired, Assert.IsType<ProblemHttpResult>(problem).StatusCode);
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

        Assert.False(EntityTags.TryReadIfMatch(request, out _, out var problem));
        Assert.Equal(StatusCodes.Status400BadRequest, Assert.IsType<ProblemHttpResult>(problem).StatusCode);
    }

    [Fact]
    public void An_issued_If_Match_is_read()
    {
        var request = new DefaultHttpContext().Request;
        request.Headers.IfMatch = EntityTags.ToHeader(TableETag);

        Assert.True(EntityTags.TryReadIfMatch(request, out var parsed, out _));
        Assert.Equal(TableETag, parsed);
    }
}
