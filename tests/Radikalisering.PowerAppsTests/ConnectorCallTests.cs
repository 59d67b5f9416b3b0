using System.Text.Json.Nodes;
using Radikalisering.PowerAppsTests.Connector;
using Radikalisering.PowerAppsTests.PaYaml;
using Radikalisering.PowerAppsTests.PowerFx;

namespace Radikalisering.PowerAppsTests;

/// <summary>Every call the app makes matches infra/connector/apiDefinition.swagger.json, and a changed connector fails.</summary>
public sealed class ConnectorCallTests
{
    private readonly AppSource app = AppSource.Load();

    private static JsonObject Connector() => RepositoryFiles.ReadJson(RepositoryFiles.ConnectorDefinition);

    [Fact]
    public void Every_connector_call_matches_the_connector_definition()
    {
        Assert.Empty(ConnectorContract.Violations(app, Connector()));
    }

    [Fact]
    public void The_app_uses_every_concern_operation()
    {
        var used = ConnectorContract.Calls(app).Select(found => found.Call.Operation).Distinct().Order();

        Assert.Equal(ConnectorSignature.Read(Connector()).Keys.Order(), used);
    }

    [Fact]
    public void Power_Apps_signatures_put_path_query_header_then_required_body_fields_first()
    {
        var signatures = ConnectorSignature.Read(Connector());

        AssertSignature(signatures["CreateConcern"], ["Idempotency-Key", "receivedOn", "subjectUnder18", "reporter"], ["outcome"]);
        AssertSignature(signatures["ListConcerns"], ["year"], ["pageSize", "continuationToken"]);
        AssertSignature(signatures["GetConcern"], ["year", "id"], []);
        AssertSignature(signatures["UpdateConcern"], ["year", "id", "If-Match"], ["receivedOn", "subjectUnder18", "reporter", "outcome"]);
        AssertSignature(signatures["DeleteConcern"], ["year", "id", "If-Match"], []);
        Assert.Equal(["municipalEmployee", "otherAuthority", "other"], signatures["CreateConcern"].Required[3].Enum);
    }

    [Fact]
    public void Renaming_CreateConcern_in_the_connector_fails_the_check()
    {
        var connector = Connector();
        connector["paths"]!["/concerns"]!["post"]!["operationId"] = "RegisterConcern";

        Assert.Contains(ConnectorContract.Violations(app, connector), violation => violation.Contains("has no operation CreateConcern", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("NewConcern", "CreateConcern")]
    [InlineData("ConcernChanges", "UpdateConcern")]
    [InlineData("Concern", "ThisItem.reporter")]
    public void Renaming_the_reporter_field_in_the_connector_fails_the_check(string definition, string expectedWhere)
    {
        var connector = Connector();
        RenameProperty(connector["definitions"]![definition]!.AsObject(), "reporter", "reportedBy");

        var violations = ConnectorContract.Violations(app, connector);

        Assert.Contains(violations, violation => violation.Contains(expectedWhere, StringComparison.Ordinal) && violation.Contains("reporter", StringComparison.Ordinal));
    }

    [Fact]
    public void Reordering_required_body_fields_fails_the_check_because_Power_Apps_passes_them_by_position()
    {
        var connector = Connector();
        var properties = connector["definitions"]!["NewConcern"]!["properties"]!.AsObject();
        var reporter = properties["reporter"]!.DeepClone();
        properties.Remove("reporter");
        properties.Insert(0, "reporter", reporter);

        Assert.Contains(ConnectorContract.Violations(app, connector), violation => violation.Contains("required parameter 2 is 'reporter'", StringComparison.Ordinal));
    }

    [Fact]
    public void An_optional_If_Match_fails_the_check()
    {
        var connector = Connector();
        connector["parameters"]!["IfMatch"]!["required"] = false;

        Assert.Contains(ConnectorContract.Violations(app, connector), violation => violation.Contains("UpdateConcern", StringComparison.Ordinal) && violation.Contains("If-Match", StringComparison.Ordinal));
    }

    [Fact]
    public void A_removed_enum_value_fails_the_check()
    {
        var connector = Connector();
        var values = connector["definitions"]!["Outcome"]!["enum"]!.AsArray();
        values.RemoveAt(values.Select(value => (string)value!).ToList().IndexOf("pending"));

        var violations = ConnectorContract.Violations(app, connector);

        Assert.Contains(violations, violation => violation.Contains("OutcomeChoices", StringComparison.Ordinal));
        Assert.Contains(violations, violation => violation.Contains("'outcome' gets \"pending\"", StringComparison.Ordinal));
    }

    [Fact]
    public void A_renamed_continuation_token_fails_the_check()
    {
        var connector = Connector();
        RenameProperty(connector["definitions"]!["ConcernPage"]!.AsObject(), "continuationToken", "nextPage");

        Assert.Contains(ConnectorContract.Violations(app, connector), violation => violation.Contains("varPage.continuationToken", StringComparison.Ordinal));
    }

    [Fact]
    public void The_page_size_is_one_the_connector_accepts()
    {
        var pageSize = Connector()["paths"]!["/concerns"]!["get"]!["parameters"]!.AsArray().Single(parameter => (string?)parameter!["name"] == "pageSize")!;
        var appPageSize = (double)NamedFormulas.Evaluate(NamedFormulas.Parse(app.AppProperties["Formulas"])["PageSize"]);

        Assert.InRange(appPageSize, (int)pageSize["minimum"]!, (int)pageSize["maximum"]!);
        Assert.All(ConnectorContract.Calls(app).Where(found => found.Call.Operation == "ListConcerns"),
            found => Assert.Contains(("pageSize", "PageSize"), found.Call.Arguments[1].Fields()));
    }

    [Fact]
    public void The_idempotency_key_is_made_when_the_new_concern_screen_opens_and_renewed_only_after_a_success()
    {
        const string makeKey = "Set(varIdempotencyKey, Text(GUID()))";
        var screen = app.Screens.Single(candidate => candidate.Name == "NewConcernScreen");
        var (formula, create) = ConnectorContract.Calls(app).Single(found => found.Call.Operation == "CreateConcern");
        var ifError = IfErrorAround(formula.Text, create.Text);

        Assert.Contains(makeKey, PowerFxText.WithoutComments(screen.Properties["OnVisible"]), StringComparison.Ordinal);
        Assert.Equal("varIdempotencyKey", create.Arguments[0].Text);
        Assert.DoesNotContain(makeKey, ifError[1], StringComparison.Ordinal);
        Assert.Contains(makeKey, ifError[2], StringComparison.Ordinal);
        Assert.Equal(2, app.Formulas.Sum(candidate => CountOf(PowerFxText.WithoutComments(candidate.Text), "Set(varIdempotencyKey")));
    }

    [Fact]
    public void Changes_and_deletions_send_the_ETag_of_the_concern_they_change()
    {
        var changes = ConnectorContract.Calls(app).Where(found => found.Call.Operation is "UpdateConcern" or "DeleteConcern").ToList();

        Assert.Equal(2, changes.Count);
        Assert.All(changes, found => Assert.Equal(("varConcern.year", "varConcern.id", "varConcern.etag"), (found.Call.Arguments[0].Text, found.Call.Arguments[1].Text, found.Call.Arguments[2].Text)));
    }

    [Fact]
    public void A_412_reloads_the_concern_and_every_failure_shows_a_Danish_message()
    {
        foreach (var (formula, call) in ConnectorContract.Calls(app).Where(found => found.Call.Operation != "GetConcern" || !IsReload(found.Formula.Text, found.Call.Text)))
        {
            var fallback = IfErrorAround(formula.Text, call.Text)[1];
            Assert.Contains("ProblemMessage(FirstError.Details.HttpStatusCode, FirstError.Details.HttpResponse)", fallback, StringComparison.Ordinal);
            if (call.Operation is "UpdateConcern" or "DeleteConcern")
            {
                Assert.Contains("FirstError.Details.HttpStatusCode = 412", fallback, StringComparison.Ordinal);
                Assert.Contains($"{ConnectorContract.ConnectorName}.GetConcern(", fallback, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void The_problem_message_covers_412_428_400_and_503_and_falls_back_to_the_detail()
    {
        var problemMessage = NamedFormulas.Parse(app.AppProperties["Formulas"])["ProblemMessage"];

        Assert.Contains("ParseJSON(response).detail", problemMessage, StringComparison.Ordinal);
        foreach (var (status, text) in new[] { ("412", "ProblemTexts.preconditionFailed"), ("428", "ProblemTexts.ifMatchRequired"), ("400", "ProblemTexts.invalid"), ("503", "AppTexts.unavailable") })
        {
            Assert.Matches($@"\b{status},[^\n]*{text.Replace(".", @"\.", StringComparison.Ordinal)}", problemMessage);
        }
    }

    private static void AssertSignature(ConnectorSignature signature, string[] required, string[] optional)
    {
        Assert.Equal(required, signature.Required.Select(parameter => parameter.Name));
        Assert.Equal(optional, signature.Optional.Select(parameter => parameter.Name));
    }

    private static void RenameProperty(JsonObject schema, string from, string to)
    {
        var properties = schema["properties"]!.AsObject();
        var property = properties[from]!.DeepClone();
        properties.Remove(from);
        properties[to] = property;
        if (schema["required"] is JsonArray required && required.Select(name => (string)name!).ToList().IndexOf(from) is var index and >= 0)
        {
            required[index] = to;
        }
    }

    // The arguments (value, fallback, on success) of the IfError whose first argument holds the call.
    private static List<string> IfErrorAround(string formula, string call)
    {
        var code = PowerFxText.WithoutComments(formula);
        var callText = PowerFxText.WithoutComments(call);
        foreach (var start in PowerFxText.CodePositions(code).Where(i => string.CompareOrdinal(code, i, "IfError(", 0, 8) == 0))
        {
            var arguments = PowerFxText.SplitTopLevel(code[(start + 8)..PowerFxText.Closing(code, start + 7)], ',');
            if (arguments[0].Contains(callText, StringComparison.Ordinal))
            {
                return arguments.Select(argument => argument.Trim()).ToList();
            }
        }

        throw new Xunit.Sdk.XunitException($"No IfError handles {call}");
    }

    // A GetConcern inside an IfError fallback reloads after a 412; the fallback around it handles its failure.
    private static bool IsReload(string formula, string call)
    {
        var code = PowerFxText.WithoutComments(formula);
        var callText = PowerFxText.WithoutComments(call);
        return code.IndexOf(callText, StringComparison.Ordinal) > code.IndexOf("= 412", StringComparison.Ordinal) && code.Contains("= 412", StringComparison.Ordinal);
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
