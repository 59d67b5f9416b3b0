using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Radikalisering.Core.Http;

namespace Radikalisering.Tests.Http;

public sealed class RequestBodyTests
{
    private static readonly string[] Json = [RequestBody.JsonMediaType];

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("Application/JSON; charset=UTF-8")]
    [InlineData("application/json;charset=\"utf-8\"")]
    [InlineData("application/json ; Charset = utf8")]
    public async Task A_JSON_body_is_read(string contentType)
    {
        var result = await RequestBody.ReadAsync(Request(contentType, "{}"), Json, CancellationToken.None);

        Assert.False(result.IsProblem);
        Assert.Equal("{}"u8.ToArray(), result.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=iso-8859-1")]
    public async Task Another_media_type_is_415(string? contentType)
    {
        var result = await RequestBody.ReadAsync(Request(contentType, "{}"), Json, CancellationToken.None);

        Assert.Equal(StatusCodes.Status415UnsupportedMediaType, ProblemResults.Status(result.Problem));
    }

    [Fact]
    public async Task A_UTF_8_byte_order_mark_is_dropped()
    {
        var result = await RequestBody.ReadAsync(Request("application/json", "\uFEFF{}"), Json, CancellationToken.None);

        Assert.Equal("{}"u8.ToArray(), result.Value);
    }

    [Fact]
    public async Task A_declared_length_over_the_limit_is_413_before_reading()
    {
        var request = Request("application/json", "{}");
        request.ContentLength = RequestBody.MaximumBytes + 1;

        var result = await RequestBody.ReadAsync(request, Json, CancellationToken.None);

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, ProblemResults.Status(result.Problem));
    }

    [Fact]
    public async Task An_undeclared_body_over_the_limit_is_413()
    {
        var request = Request("application/json", new string(' ', RequestBody.MaximumBytes) + "{}");
        request.ContentLength = null;

        var result = await RequestBody.ReadAsync(request, Json, CancellationToken.None);

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, ProblemResults.Status(result.Problem));
    }

    [Fact]
    public async Task A_body_of_exactly_the_limit_is_read()
    {
        var request = Request("application/json", "{}" + new string(' ', RequestBody.MaximumBytes - 2));

        var result = await RequestBody.ReadAsync(request, Json, CancellationToken.None);

        Assert.False(result.IsProblem);
    }

    [Fact]
    public async Task An_empty_body_is_400()
    {
        var result = await RequestBody.ReadAsync(Request("application/json", ""), Json, CancellationToken.None);

        Assert.Equal(StatusCodes.Status400BadRequest, ProblemResults.Status(result.Problem));
    }

    private static HttpRequest Request(string? contentType, string body)
    {
        var context = new DefaultHttpContext();
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Request.ContentType = contentType;
        context.Request.ContentLength = bytes.Length;
        context.Request.Body = new MemoryStream(bytes);
        return context.Request;
    }

}
