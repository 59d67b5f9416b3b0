using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Radikalisering.Core.Concerns;
using Radikalisering.Core.Http;

namespace Radikalisering.Tests.Http;

public sealed class JsonBodyTests
{
    [Fact]
    public void The_contract_example_reads()
    {
        var result = Deserialize("""{ "receivedOn": "2026-03-14", "subjectUnder18": true, "reporter": "municipalEmployee", "outcome": "pending" }""");

        Assert.False(result.IsProblem);
        Assert.Equal(new DateOnly(2026, 3, 14), result.Value.ReceivedOn);
        Assert.Equal(ReporterKind.MunicipalEmployee, result.Value.Reporter);
        Assert.Equal(Outcome.Pending, result.Value.Outcome);
    }

    [Theory]
    [InlineData("""{ "receivedOn": "2026-03-14", "name": "Jens Hansen" }""", "name", "ukendt")]
    [InlineData("""{ "cpr": { "number": "0101011234" } }""", "cpr", "ukendt")]
    [InlineData("""{ "reporter": "police" }""", "reporter", "municipalEmployee")]
    [InlineData("""{ "reporter": 0 }""", "reporter", "municipalEmployee")]
    [InlineData("""{ "reporter": "MunicipalEmployee" }""", "reporter", "municipalEmployee")]
    [InlineData("""{ "outcome": "maybe" }""", "outcome", "bekræftet")]
    [InlineData("""{ "outcome": "CONFIRMED" }""", "outcome", "bekræftet")]
    [InlineData("""{ "receivedOn": "2026-02-30" }""", "receivedOn", "åååå-mm-dd")]
    [InlineData("""{ "receivedOn": "14-03-2026" }""", "receivedOn", "åååå-mm-dd")]
    [InlineData("""{ "receivedOn": "2026-03-14T10:00:00" }""", "receivedOn", "åååå-mm-dd")]
    [InlineData("""{ "subjectUnder18": "true" }""", "subjectUnder18", "true eller false")]
    [InlineData("""{ "subjectUnder18": 1 }""", "subjectUnder18", "true eller false")]
    [InlineData("""{ "reporter": "other", "reporter": "other" }""", "reporter", "én gang")]
    public void Every_bad_field_is_named_with_a_Danish_explanation(string json, string field, string explanation)
    {
        var result = Deserialize(json);

        var message = Assert.Single(ProblemResults.Errors(result.Problem)[field]);
        Assert.Contains(explanation, message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("[1, 2]")]
    public void A_body_that_is_not_a_JSON_object_is_refused_as_body(string json)
    {
        var result = Deserialize(json);

        Assert.Equal(StatusCodes.Status400BadRequest, ProblemResults.Status(result.Problem));
        Assert.True(ProblemResults.Errors(result.Problem).ContainsKey("body"));
    }

    [Theory]
    [InlineData("""{ "receivedOn": "2026-03-1""")]
    [InlineData("""{ "receivedOn": "2026-03-14", "reporter": "oth""")]
    [InlineData("""{ "receivedOn": "2026-03-14", }""")]
    [InlineData("not json")]
    public void A_body_that_is_not_JSON_text_is_the_not_valid_JSON_problem_naming_no_field(string json)
    {
        var result = Deserialize(json);

        Assert.Equal(Problems.NotValidJsonType, Assert.IsType<ProblemHttpResult>(result.Problem).ProblemDetails.Type);
        Assert.Equal([Problems.BodyMember], ProblemResults.Errors(result.Problem).Keys);
    }

    [Fact]
    public void A_body_that_is_not_UTF_8_is_the_not_valid_JSON_problem()
    {
        var result = JsonBody.Deserialize<ConcernFactsRequest>([.. """{ "reporter": "o"""u8, 0xFF, .. "\" }"u8], ConcernFields.Rules);

        Assert.Equal(Problems.NotValidJsonType, Assert.IsType<ProblemHttpResult>(result.Problem).ProblemDetails.Type);
    }

    [Theory]
    [InlineData("$.receivedOn", "receivedOn")]
    [InlineData("$.cpr.number", "cpr")]
    [InlineData("$.list[0]", "list")]
    [InlineData("$['odd name'].x", "odd name")]
    [InlineData("$", null)]
    [InlineData(null, null)]
    public void The_top_level_field_is_taken_from_the_JSON_path(string? path, string? field) =>
        Assert.Equal(field, JsonBody.TopLevelField(path));

    private static ProblemOr<ConcernFactsRequest> Deserialize(string json) =>
        JsonBody.Deserialize<ConcernFactsRequest>(Encoding.UTF8.GetBytes(json), ConcernFields.Rules);
}
