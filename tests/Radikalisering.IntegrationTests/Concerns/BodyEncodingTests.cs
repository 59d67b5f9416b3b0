using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Radikalisering.Core.Access;
using Radikalisering.Core.Concerns;
using Radikalisering.Core.Http;
using Radikalisering.IntegrationTests.Fixtures.Azurite;
using Radikalisering.IntegrationTests.Fixtures.Http;
using Radikalisering.IntegrationTests.Integrity;

namespace Radikalisering.IntegrationTests.Concerns;

/// <summary>
/// The bytes and headers of a body as clients really send them: any RFC 9110 spelling of a JSON media type with a
/// UTF-8 charset and a leading byte order mark are taken; another charset is a 415 that says so; a body that is not
/// JSON text (cut off, not UTF-8) is a "not valid JSON" problem that blames no field. Nothing refused is written.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class BodyEncodingTests(AzuriteFixture azurite, SharedApiHost shared) : IClassFixture<SharedApiHost>
{
    private static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];

    private ApiTestHost Host => shared.Host;

    [Theory]
    [InlineData("application/json;charset=\"utf-8\"")]
    [InlineData("Application/JSON; Charset=UTF-8")]
    [InlineData("application/json ; charset = \"UTF-8\"")]
    [InlineData("application/json;\tcharset=utf8")]
    [InlineData("APPLICATION/json")]
    public async Task A_create_in_any_spelling_of_JSON_in_UTF_8_is_created(string contentType)
    {
        using var client = Host.CreateClient(ConcernRequests.Staff, AppRoles.ConcernsReadWrite);

        using var response = await client.PostAsync("/api/concerns", Body(Encoding.UTF8.GetBytes(ConcernRequests.Example), contentType));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("application/merge-patch+json;charset=\"utf-8\"")]
    [InlineData("Application/Merge-Patch+JSON; Charset=UTF-8")]
    public async Task A_merge_patch_in_any_spelling_with_UTF_8_is_applied(string contentType)
    {
        using var client = Host.CreateClient(ConcernRequests.Staff, AppRoles.ConcernsReadWrite);
        var (concern, etag) = await client.CreateAsync();

        using var response = await client.SendAsync(Patch(concern, etag, Body("""{ "outcome": "dismissed" }"""u8.ToArray(), contentType)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Outcome.Dismissed, (await response.ReadAsync<ConcernView>()).Outcome);
    }

    [Fact]
    public async Task A_body_with_a_UTF_8_byte_order_mark_is_read_as_its_JSON()
    {
        using var client = Host.CreateClient(ConcernRequests.Staff, AppRoles.ConcernsReadWrite);

        using var created = await client.PostAsync("/api/concerns", Body([.. ByteOrderMark, .. Encoding.UTF8.GetBytes(ConcernRequests.Example)], "application/json"));
        var concern = await created.ReadAsync<ConcernView>();
        using var patched = await client.SendAsync(Patch(
            concern, created.Headers.ETag!.ToString(), Body([.. ByteOrderMark, .. """{ "outcome": "confirmed" }"""u8.ToArray()], "application/merge-patch+json")));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal(Outcome.Confirmed, (await patched.ReadAsync<ConcernView>()).Outcome);
    }

    [Theory]
    [InlineData("application/json; charset=iso-8859-1", "iso-8859-1")]
    [InlineData("application/json; charset=\"UTF-16\"", "UTF-16")]
    public async Task Another_charset_is_a_415_that_asks_for_UTF_8_and_nothing_is_written(string contentType, string charset)
    {
        using var client = Host.CreateClient(ConcernRequests.Staff, AppRoles.ConcernsReadWrite);
        var mark = await StoreMark.SetAsync(azurite, Host);

        using var response = await client.PostAsync("/api/concerns", Body(Encoding.UTF8.GetBytes(ConcernRequests.Example), contentType));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var problem = await response.ReadProblemAsync();
        Assert.Equal("The request's character set is not supported.", (string?)problem["title"]);
        Assert.Contains("UTF-8", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Contains(charset, (string?)problem["detail"], StringComparison.Ordinal);
        Assert.NotNull(problem["errors"]!["Content-Type"]);
        Assert.Empty(await mark.NewConcernsAsync());
    }

    public static TheoryData<string, byte[]> NotJson => new()
    {
        { "cut off inside receivedOn", """{ "receivedOn": "2026-03-14", "subjectUnder18": true, "reporter": "munic"""u8.ToArray() },
        { "cut off after a field", """{ "receivedOn": "2026-03-14","""u8.ToArray() },
        { "cut off in a date", """{ "receivedOn": "2026-"""u8.ToArray() },
        { "invalid UTF-8 in reporter", [.. """{ "receivedOn": "2026-03-14", "subjectUnder18": true, "reporter": "o"""u8.ToArray(), 0xC3, 0x28, .. "\" }"u8.ToArray()] },
        { "invalid UTF-8 in receivedOn", [.. """{ "receivedOn": "2026-03-1"""u8.ToArray(), 0xFF, .. "\" }"u8.ToArray()] },
        { "Latin-1 text", Encoding.Latin1.GetBytes("""{ "receivedOn": "2026-03-14", "subjectUnder18": true, "reporter": "other", "outcome": "pending", "x": "Århus" }""") },
        { "two values", """{ } { }"""u8.ToArray() },
        { "no JSON at all", "not json"u8.ToArray() },
    };

    [Theory]
    [MemberData(nameof(NotJson))]
    public async Task A_create_whose_body_is_not_JSON_text_is_the_not_valid_JSON_problem_and_nothing_is_written(string why, byte[] body)
    {
        using var client = Host.CreateClient(ConcernRequests.Staff, AppRoles.ConcernsReadWrite);
        var mark = await StoreMark.SetAsync(azurite, Host);

        using var response = await client.PostAsync("/api/concerns", Body(body, "application/json"));

        await AssertNotValidJsonAsync(response, why);
        Assert.Empty(await mark.NewConcernsAsync());
    }

    [Theory]
    [MemberData(nameof(NotJson))]
    public async Task A_merge_patch_whose_body_is_not_JSON_text_is_the_not_valid_JSON_problem_and_changes_nothing(string why, byte[] body)
    {
        using var client = Host.CreateClient(ConcernRequests.Staff, AppRoles.ConcernsReadWrite);
        var (concern, etag) = await client.CreateAsync();

        using var response = await client.SendAsync(Patch(concern, etag, Body(body, "application/merge-patch+json")));

        await AssertNotValidJsonAsync(response, why);
        Assert.Equal(concern, await client.ReadConcernAsync(concern));
    }

    private static async Task AssertNotValidJsonAsync(HttpResponseMessage response, string why)
    {
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{why}: {response.StatusCode}");
        var problem = await response.ReadProblemAsync();
        Assert.Equal(Problems.NotValidJsonType, (string?)problem["type"]);
        Assert.Equal("The request body is not valid JSON.", (string?)problem["title"]);
        Assert.Equal(400, (int?)problem["status"]);
        Assert.Equal([Problems.BodyMember], problem["errors"]!.AsObject().Select(error => error.Key));
    }

    private static ByteArrayContent Body(byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        Assert.True(content.Headers.TryAddWithoutValidation("Content-Type", contentType));
        return content;
    }

    private static HttpRequestMessage Patch(ConcernView concern, string etag, HttpContent body)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, ConcernRequests.UrlOf(concern)) { Content = body };
        request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(etag));
        return request;
    }
}
